import { metadataKey } from './metadata-key.js';

/** What `@Command` records on a method. */
export interface CommandMetadata {
  /** @defaultValue `<Class>#<method>` */
  readonly key?: string | undefined;
  /** @defaultValue the class name */
  readonly group?: string | undefined;
  /** A method name on the same instance, or a function; called with the arguments and the cause. */
  readonly fallback?: string | ((...args: never[]) => unknown) | undefined;
  /** The command options the declaration gives (checked when the app is created). */
  readonly options: Readonly<Record<string, number | boolean>>;
  /** Options of the group's pool, when this declaration creates it. */
  readonly pool?: Readonly<Record<string, number>> | undefined;
}

/** Commands declared on a class's methods, by method name (on the prototype). */
export const COMMANDS = metadataKey<ReadonlyMap<string, CommandMetadata>>('commands');
