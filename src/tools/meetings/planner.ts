import { random } from '../synthetic.ts';

/**
 * Rounds of 1:1 meetings: in each round everyone meets one person they have not met, or has a
 * break when the number is odd; no pair meets twice, and nobody has a second break before
 * everyone has had one. Within that, the pairs' weights are made as large as we can.
 *
 * Two planners, the better total wins:
 * - per round, a maximum-weight matching over the pairs not yet met, found greedily (heaviest pair
 *   first), repaired by swaps when the greedy choice leaves two people without a partner, and
 *   improved by 2-opt (two tables trade partners when that raises the sum); it can get stuck in
 *   late rounds, where the pairs not yet met are few;
 * - the circle method (a round-robin tournament, which splits all pairs into n−1 perfect rounds:
 *   it never gets stuck) with the seating improved by local search and the best rounds taken.
 * Our own code: the one matching library in reach, edmonds-blossom (a 1.0.0 port of Van Rantwijk's
 * maximum-weight matching, not updated since), is not installed; it could replace the greedy pass.
 */

export interface PlannedRound {
  /** Participant indexes, one pair per table, in table order. */
  pairs: [number, number][];
  /** Who has a break this round (odd numbers only). */
  rest?: number;
}

export interface Plan {
  rounds: PlannedRound[];
  requested: number;
  /** Rounds until everyone has met everyone: n−1, or n when n is odd. */
  maxRounds: number;
}

export const maxRounds = (n: number) => (n < 2 ? 0 : n % 2 ? n : n - 1);

type Weight = (i: number, j: number) => number;

const roundWeight = (r: PlannedRound, w: Weight) => r.pairs.reduce((s, [a, b]) => s + w(a, b), 0);
export const planWeight = (rounds: PlannedRound[], w: Weight) => rounds.reduce((s, r) => s + roundWeight(r, w), 0);

/** Tables in a stable order: by the first sheet row at the table. */
const tidy = (r: PlannedRound): PlannedRound => ({
  ...r,
  pairs: r.pairs.map(([a, b]) => (a < b ? [a, b] : [b, a]) as [number, number]).sort((x, y) => x[0] - y[0]),
});

export function planRounds(n: number, w: Weight, requested: number, seed = 1): Plan {
  const count = Math.min(requested, maxRounds(n));
  const greedy = greedyRounds(n, w, count);
  const circle = circleRounds(n, w, count, seed);
  const rounds = greedy && planWeight(greedy, w) >= planWeight(circle, w) ? greedy : circle;
  return { rounds: rounds.map(tidy), requested, maxRounds: maxRounds(n) };
}

/** Round by round, heaviest pairs first; undefined when a round cannot seat everyone. */
export function greedyRounds(n: number, w: Weight, count: number): PlannedRound[] | undefined {
  const met = new Uint8Array(n * n);
  const isNew = (a: number, b: number) => a !== b && !met[a * n + b];
  const breaks = new Int32Array(n);
  const rounds: PlannedRound[] = [];
  for (let r = 0; r < count; r++) {
    let rest: number | undefined;
    if (n % 2) {
      // Fewest breaks first; among them whoever loses least by resting (the lowest best pair left).
      const bestLeft = (i: number) => {
        let k = -1;
        for (let j = 0; j < n; j++) if (isNew(i, j)) k = Math.max(k, w(i, j));
        return k;
      };
      for (let i = 0; i < n; i++)
        if (
          rest === undefined ||
          breaks[i] < breaks[rest] ||
          (breaks[i] === breaks[rest] && bestLeft(i) < bestLeft(rest))
        )
          rest = i;
    }
    const active = [...Array(n).keys()].filter((i) => i !== rest);
    const edges: [number, number, number][] = [];
    for (let x = 0; x < active.length; x++)
      for (let y = x + 1; y < active.length; y++) {
        const [a, b] = [active[x], active[y]];
        if (isNew(a, b)) edges.push([w(a, b), a, b]);
      }
    edges.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
    const partner = new Int32Array(n).fill(-1);
    for (const [, a, b] of edges)
      if (partner[a] < 0 && partner[b] < 0) {
        partner[a] = b;
        partner[b] = a;
      }
    if (!repair(active, partner, isNew, w)) return undefined;
    improve(active, partner, isNew, w);
    const pairs: [number, number][] = [];
    for (const a of active)
      if (a < partner[a]) {
        pairs.push([a, partner[a]]);
        met[a * n + partner[a]] = met[partner[a] * n + a] = 1;
      }
    if (rest !== undefined) breaks[rest]++;
    rounds.push({ pairs, rest });
  }
  return rounds;
}

/** Seats the people the greedy pass left alone: u–v directly, or u and v take over a table's two people. */
function repair(active: number[], partner: Int32Array, isNew: (a: number, b: number) => boolean, w: Weight): boolean {
  for (;;) {
    const alone = active.filter((i) => partner[i] < 0);
    if (!alone.length) return true;
    const u = alone[0];
    let best: { gain: number; v: number; a?: number; b?: number } | undefined;
    for (const v of alone.slice(1)) {
      if (isNew(u, v)) {
        const gain = w(u, v);
        if (!best || gain > best.gain) best = { gain, v };
      }
      for (const a of active) {
        const b = partner[a];
        if (b < 0) continue;
        if (isNew(u, a) && isNew(v, b)) {
          const gain = w(u, a) + w(v, b) - w(a, b);
          if (!best || gain > best.gain) best = { gain, v, a, b };
        }
      }
    }
    if (!best) return false;
    const { v, a, b } = best;
    if (a === undefined || b === undefined) {
      partner[u] = v;
      partner[v] = u;
    } else {
      partner[u] = a;
      partner[a] = u;
      partner[v] = b;
      partner[b] = v;
    }
  }
}

/** 2-opt: two tables swap partners while that raises the round's weight and meets nobody twice. */
function improve(active: number[], partner: Int32Array, isNew: (a: number, b: number) => boolean, w: Weight) {
  for (let pass = 0; pass < 20; pass++) {
    let better = false;
    const tables = active.filter((a) => a < partner[a]);
    for (let x = 0; x < tables.length; x++)
      for (let y = x + 1; y < tables.length; y++) {
        const a = tables[x];
        const b = partner[a];
        const c = tables[y];
        const d = partner[c];
        if (partner[a] !== b || partner[c] !== d) continue;
        const now = w(a, b) + w(c, d);
        for (const [p, q, r, s] of [
          [a, c, b, d],
          [a, d, b, c],
        ])
          if (isNew(p, q) && isNew(r, s) && w(p, q) + w(r, s) > now) {
            partner[p] = q;
            partner[q] = p;
            partner[r] = s;
            partner[s] = r;
            better = true;
            break;
          }
      }
    if (!better) return;
  }
}

/**
 * The circle method: seat m people (n, plus an empty seat for the break when n is odd) at
 * positions 0..m−1; round r pairs the last position with position r and positions r±k around
 * the circle of the other m−1. Every pair meets exactly once over the m−1 rounds, and each
 * person sits next to the empty seat once, so breaks are fair in any choice of rounds.
 */
export function circleRounds(n: number, w: Weight, count: number, seed = 1): PlannedRound[] {
  if (count <= 0) return [];
  const m = n % 2 ? n + 1 : n;
  const round = (seat: number[], r: number): PlannedRound => {
    const pairs: [number, number][] = [];
    let rest: number | undefined;
    const add = (a: number, b: number) => {
      if (a === n) rest = b;
      else if (b === n) rest = a;
      else pairs.push([a, b]);
    };
    add(seat[m - 1], seat[r]);
    for (let k = 1; k < m / 2; k++) add(seat[(r + k) % (m - 1)], seat[(r - k + m - 1) % (m - 1)]);
    return { pairs, rest };
  };
  const best = (seat: number[]) =>
    Array.from({ length: m - 1 }, (_, r) => round(seat, r))
      .map((rd, r) => ({ rd, r, weight: roundWeight(rd, w) }))
      .sort((a, b) => b.weight - a.weight || a.r - b.r)
      .slice(0, count);
  const value = (seat: number[]) => best(seat).reduce((s, x) => s + x.weight, 0);
  let seat = [...Array(m).keys()];
  let score = value(seat);
  const rnd = random(seed);
  // Each try costs about m² weight look-ups; the budget keeps a 400-person sheet to seconds.
  const tries = Math.max(30, Math.min(1500, Math.floor(1e7 / (m * m))));
  for (let i = 0; i < tries; i++) {
    const x = Math.floor(rnd() * m);
    const y = Math.floor(rnd() * m);
    if (x === y) continue;
    const next = [...seat];
    [next[x], next[y]] = [next[y], next[x]];
    const s = value(next);
    if (s > score) {
      seat = next;
      score = s;
    }
  }
  return best(seat).map((x) => x.rd);
}
