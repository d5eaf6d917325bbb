import { VitaminError } from '../errors/vitamin-error.js';

/** A provider's base URL split into what the transport needs. */
export interface BaseUrl {
  /** `http://host:port`: the transport pools connections per origin. */
  readonly origin: string;
  /** Path prefix without a trailing slash, `''` for none. */
  readonly basePath: string;
}

/** Parses `http(s)://host:port/prefix`; anything else is refused with the key it came from. */
export function parseBaseUrl(value: string, source: string): BaseUrl {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new VitaminError('VITAMIN_E_CONFIG', `${source}: '${value}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new VitaminError('VITAMIN_E_CONFIG', `${source}: '${url.protocol}' is not http: or https:`);
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new VitaminError('VITAMIN_E_CONFIG', `${source}: a base URL has no credentials, query or fragment`);
  }
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}
