import {
  cloneElement,
  createElement,
  type Component,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactElement,
} from 'react';
import { bi, type Bilingual } from '../schemas/meta.ts';
import type { Lang } from '../i18n/locale.ts';
import { withUploads } from './uploads.ts';

/**
 * Decap's select and relation widgets, with what their react-select lacks for our editors. Decap
 * passes react-select no texts of its own (so it says "No options", and "Loading options…" in the
 * relation widget) and no way to set any of its other props from the config. Each control is
 * Decap's own class, extended: its rendered react-select element gets these props added
 * (`cloneElement`), everything else is Decap's.
 *
 * - Danish texts for an empty list and for loading.
 * - A multiple choice keeps its list open after a pick, so each further trade or author takes one
 *   click instead of two (react-select closes the menu after every pick by default); it closes with
 *   the last pick the field's `max` allows, or on Escape or a click elsewhere.
 * - Enter in a relation's search waits for the search: Decap searches 0.5 s after the last key
 *   and until then react-select shows (and Enter picks) the first hit of the previous search, so
 *   "Tove" + Enter picked "Anne Sørensen". An Enter pressed while a search is pending is held and
 *   pressed again once its hits are shown.
 * - The image widget shows a picture uploaded a moment ago from memory (see uploads.ts), where
 *   Decap's thumbnail looked for it on the site, which has it only once it is published.
 * - A required multiple select no longer writes an empty list when the form opens, which made an
 *   untouched new member form say "Ugemte ændringer" (its value stays empty until a pick; Decap's
 *   required check reads both as missing).
 * - A list typed in one text field keeps ", " as typed (see extendList).
 */

export const SELECT_TEXTS = {
  noOptions: bi('Ingen valgmuligheder passer', 'No options match'),
  loading: bi('Søger …', 'Searching…'),
} satisfies Record<string, Bilingual>;

interface ImmutableField {
  get(key: string, fallback?: unknown): unknown;
}
type GetAsset = (path: string, field?: unknown) => unknown;
interface ControlProps {
  field: ImmutableField;
  value?: unknown;
  getAsset?: GetAsset;
}
interface DecapControl extends Component<ControlProps> {
  render(): SelectElement;
  componentDidMount?(): void;
}
type ControlClass = new (props: ControlProps) => DecapControl;
type SelectElement = ReactElement<Record<string, unknown>>;
type LoadOptions = (term: string, callback: (options: unknown[]) => void) => void;

/** The registry call of decap-cms-app's CMS that this module uses. */
export interface WidgetRegistry {
  getWidget(name: string): { control: unknown } | undefined;
}

/**
 * The props our controls add to react-select's element, for one field. `picksLeft` is how many more
 * a multiple choice takes (its `max` less the picks so far): the list closes with the last one.
 */
export function selectProps(lang: Lang, multiple: boolean, picksLeft = Infinity): Record<string, unknown> {
  return {
    noOptionsMessage: () => SELECT_TEXTS.noOptions[lang],
    loadingMessage: () => SELECT_TEXTS.loading[lang],
    closeMenuOnSelect: !multiple || picksLeft <= 1,
  };
}

/** A control's multiple flag and the picks it still takes (Decap's value is an immutable List or an array). */
function picks(control: DecapControl): [boolean, number] {
  const { field, value } = control.props;
  const multiple = field.get('multiple', false) === true;
  const max = Number(field.get('max') ?? Infinity);
  const size =
    (value as { size?: number; length?: number } | undefined)?.size ?? (value as unknown[] | undefined)?.length ?? 0;
  return [multiple, max - size];
}

const pressEnter = (target: EventTarget) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));

function extendSelect(Base: ControlClass, lang: Lang): ControlClass {
  return class DanishSelect extends Base {
    componentDidMount(): void {
      const { field, value } = this.props;
      // Decap's own mount writes [] into an empty required multiple select, marking the form changed.
      if (field.get('required') && field.get('multiple') && (value === undefined || value === null || value === ''))
        return;
      super.componentDidMount?.();
    }
    render(): SelectElement {
      return cloneElement(super.render(), selectProps(lang, ...picks(this)));
    }
  };
}

function extendRelation(Base: ControlClass, lang: Lang): ControlClass {
  return class DanishRelation extends Base {
    declare loadOptions: LoadOptions;
    private searching = false;
    private heldEnter?: EventTarget;

    constructor(props: ControlProps) {
      super(props);
      const search = this.loadOptions;
      // Decap's debounced search: only the last call's callback runs, once its hits are there.
      this.loadOptions = (term, callback) => {
        this.searching = true;
        search(term, (options) => {
          this.searching = false;
          callback(options);
          const target = this.heldEnter;
          this.heldEnter = undefined;
          // After react-select has rendered the new hits (its update is scheduled, not immediate).
          if (target) requestAnimationFrame(() => setTimeout(() => pressEnter(target), 0));
        });
      };
    }

    render(): SelectElement {
      const onKeyDown = (event: ReactKeyboardEvent) => {
        if (event.key !== 'Enter' || !this.searching) return;
        event.preventDefault();
        this.heldEnter = event.target;
      };
      return cloneElement(super.render(), {
        ...selectProps(lang, ...picks(this)),
        onKeyDown,
      });
    }
  };
}

/**
 * The values of a list typed in one text field: split at the commas, trimmed, empty ones dropped
 * ("kunder, hverdag, " is two tags).
 */
export const commaValues = (text: string): string[] =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

interface ImmutableList {
  clear(): { push(...values: string[]): unknown };
}
interface ListControl extends DecapControl {
  handleChange: (event: { target: { value: string } }) => void;
  setState(state: { value: string }): void;
  props: ControlProps & { onChange(value: unknown): void };
}

/**
 * Decap's list without `field` (a post's tags: one text input, values separated by commas) drops a
 * comma when a space follows it (it takes ", " for a comma being deleted), so "kunder, priser" typed
 * key by key became "kunderpriser". This one keeps the text as typed and hands Decap the values.
 */
function extendList(Base: ControlClass): ControlClass {
  return class CommaList extends (Base as new (props: ControlProps) => ListControl) {
    handleChange = (event: { target: { value: string } }) => {
      const text = event.target.value;
      this.setState({ value: text });
      const values = commaValues(text);
      const list = this.props.value as ImmutableList | undefined;
      // Decap keeps a list as an immutable List (the control's default value is an empty one).
      this.props.onChange(typeof list?.clear === 'function' ? list.clear().push(...values) : values);
    };
  } as unknown as ControlClass;
}

/**
 * The image control with a getAsset that finds this page's uploads. A function component: React 19
 * passes the `ref` Decap gives the control (for its checks) on to Decap's class with the props.
 */
function extendImage(Base: ControlClass): (props: ControlProps & { getAsset: GetAsset }) => ReactElement {
  return (props) => createElement(Base, { ...props, getAsset: withUploads(props.getAsset) });
}

/**
 * Decap's select, relation, image and list widgets get the extended controls. The registry's entry is changed
 * in place (getWidget returns it), so its preview, config schema and options stay as Decap
 * registered them; registerWidget would drop the schema, which its declaration cannot pass.
 */
export function registerSelectWidgets(cms: WidgetRegistry, lang: Lang): void {
  for (const [name, extend] of [
    ['select', extendSelect],
    ['relation', extendRelation],
    ['image', extendImage],
    ['list', extendList],
  ] as const) {
    const widget = cms.getWidget(name);
    if (!widget) throw new Error(`Decap has no ${name} widget to extend`);
    widget.control = extend(widget.control as ControlClass, lang);
  }
}
