// The admin page's script URL, provided by the admin-bundle integration (src/integrations/admin-bundle.ts).
declare module 'virtual:mikronet/admin-script' {
  const script: string;
  export default script;
}
