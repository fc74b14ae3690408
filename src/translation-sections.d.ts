// `translations/<locale>.json?section=<name>`: one top-level section of a translation file as a module of its own
// (scripts/vite-translation-section.ts), so that strings needed only after the first paint stay out of the entry.
declare module '*.json?section=deferred' {
  type Strings = { [key: string]: string | Strings };
  const section: Strings;
  export default section;
}

declare module '*.json?section=ui&part=first' {
  type Strings = { [key: string]: string | Strings };
  const section: Strings;
  export default section;
}

declare module '*.json?section=ui&part=late' {
  type Strings = { [key: string]: string | Strings };
  const section: Strings;
  export default section;
}
