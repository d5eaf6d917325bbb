import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { VitaminError } from '../errors/vitamin-error.js';
import type { LayeredConfig } from './layered-config.js';
import { parseYamlProperties, type YamlProperties } from './yaml-properties.js';

/**
 * One YAML file as one configuration layer. Read synchronously at boot (a malformed file stops the
 * app with file, line and reason; a missing file is an empty layer), then watched: an edit that
 * parses replaces the layer in one step, one that does not is refused and the last good values stay.
 */
export class YamlFileSource {
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly layer: string,
    private readonly config: LayeredConfig,
  ) {}

  /**
   * Reads the file and applies it as the layer.
   * @throws VitaminError `VITAMIN_E_CONFIG_PARSE` or `VITAMIN_E_CONFIG_KEY` naming the file
   */
  load(): void {
    const parsed = this.read();
    const bad = parsed.refused[0];
    if (bad !== undefined) {
      throw new VitaminError(
        'VITAMIN_E_CONFIG_KEY',
        `${this.file}: property key '${bad.key}' is not valid: ${bad.reason}`,
      );
    }
    this.config.update(new Map([[this.layer, parsed.values]]), true);
  }

  /** Watches the file's folder (edits and atomic replaces) and re-reads after `debounceMs` of quiet. */
  watch(debounceMs: number): void {
    const folder = dirname(this.file);
    if (!existsSync(folder)) return;
    const name = basename(this.file);
    this.watcher = watch(folder, { persistent: false }, (_event, changed) => {
      if (changed !== null && changed.toString() !== name) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.reload(), debounceMs);
    });
    this.watcher.on('error', () => this.close());
  }

  /** Stops watching. */
  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }

  private reload(): void {
    let parsed: YamlProperties;
    try {
      parsed = this.read();
    } catch (error) {
      this.config.refuse({ key: '*', source: this.layer, reason: (error as Error).message });
      return;
    }
    for (const { key, reason } of parsed.refused) this.config.refuse({ key, source: this.layer, reason });
    this.config.update(new Map([[this.layer, parsed.values]]));
  }

  private read(): YamlProperties {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { values: new Map(), refused: [] };
      throw error;
    }
    return parseYamlProperties(text, this.file);
  }
}
