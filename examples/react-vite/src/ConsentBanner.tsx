import { useConsent } from '@spoor/react';

/** Shown until the visitor decides. Built on `useConsent()`: state plus grant/deny. */
export function ConsentBanner() {
  const { state, grant, deny } = useConsent();
  if (state !== 'pending') return null;
  return (
    <section role="dialog" aria-label="Cookie consent" className="consent">
      <p>
        We record how this shop is used (pages, clicks, form fields with their values masked) to improve it.
        Nothing is recorded until you accept.
      </p>
      <button type="button" onClick={grant}>
        Accept
      </button>
      <button type="button" className="secondary" onClick={deny}>
        Decline
      </button>
    </section>
  );
}
