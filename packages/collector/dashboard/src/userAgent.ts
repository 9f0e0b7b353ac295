import Bowser from 'bowser';

/** A visitor's browser, OS and device class, read from the user-agent string. */
export interface ClientInfo {
  browser: string;
  os: string;
  device: string;
}

const capitalise = (text: string) => (text ? text[0]?.toUpperCase() + text.slice(1) : text);

/**
 * Browser, OS and device of a user agent, through bowser (a maintained parser: user-agent formats
 * change every release). Null when there is none to read.
 */
export function describeUserAgent(userAgent: string | null | undefined): ClientInfo | null {
  if (!userAgent) return null;
  const { browser, os, platform } = Bowser.parse(userAgent);
  const major = browser.version?.split('.')[0];
  const osVersion = os.versionName ?? os.version;
  const model = [platform.vendor, platform.model].filter(Boolean).join(' ');
  return {
    browser: [browser.name ?? 'Unknown browser', major].filter(Boolean).join(' '),
    os: [os.name ?? 'Unknown OS', osVersion].filter(Boolean).join(' '),
    device: [capitalise(platform.type ?? 'unknown device'), model ? `(${model})` : '']
      .filter(Boolean)
      .join(' '),
  };
}
