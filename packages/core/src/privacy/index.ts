import { blockedTest } from './blocked';
import { isNeverCaptured, isPersonalField, isSensitiveName } from './fields';
import { createMaskRules, stateOf } from './maskRules';
import { maskText, scrubText } from './scrub';
import type { Privacy, PrivacyOptions } from './types';
import { createUrlRules } from './url';
import { safeText, scrubValue, textMaskedPass } from './walk';

export type { Privacy, PrivacyOptions } from './types';
export { BLOCK_ATTRIBUTE, MASK_ATTRIBUTE, UNMASK_ATTRIBUTE } from './types';

/**
 * Creates the privacy helpers from options: masking rules for the DOM, scrubbing of free text and
 * redaction of URLs. Every capture source and plugin of a tracker shares one instance.
 *
 * @example
 * const privacy = createPrivacy({ maskSelector: '.account', redactQueryParams: ['invite'] });
 * privacy.scrubText('Write to ada@example.com'); // 'Write to [email]'
 * privacy.redactUrl('/reset?token=abc&lang=en'); // '/reset?token=[redacted]&lang=en'
 */
/* @__NO_SIDE_EFFECTS__ */
export function createPrivacy(options: PrivacyOptions = {}): Privacy {
  const settings: Readonly<PrivacyOptions> = Object.freeze({
    maskAllInputs: options.maskAllInputs ?? true,
    maskAllText: options.maskAllText ?? false,
    maskSelector: options.maskSelector,
    blockSelector: options.blockSelector,
    unmaskSelector: options.unmaskSelector,
    redactQueryParams: [...(options.redactQueryParams ?? [])],
    allowQueryParams: options.allowQueryParams ? [...options.allowQueryParams] : undefined,
    captureErrorStack: options.captureErrorStack ?? false,
  });
  const denied = new Set((settings.redactQueryParams ?? []).map((n) => n.toLowerCase()));
  const allowed = settings.allowQueryParams && new Set(settings.allowQueryParams.map((n) => n.toLowerCase()));
  const isSensitive = (name: string) => isSensitiveName(name, denied);
  const { redactUrl, redactLink } = createUrlRules(isSensitive, allowed);
  const rules = createMaskRules(settings);

  return {
    options: settings,
    maskText,
    scrubText,
    redactUrl,
    redactLink,
    isBlocked: blockedTest(settings.blockSelector),
    isTextMasked: (element) => rules.masksText(stateOf(rules, element)),
    textMaskedPass: () => textMaskedPass(rules),
    isInputMasked: (element) =>
      isNeverCaptured(element) || isPersonalField(element) || rules.masksInput(stateOf(rules, element)),
    isNeverCaptured,
    scrubValue: (value) => scrubValue(value, isSensitive),
    safeText: (element, maxLength) => safeText(rules, element, maxLength),
  };
}
