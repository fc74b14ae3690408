// What credential masking took out of the issue (core/mask.ts), listed in the preview before filing: the kind, where
// ("in message 2") and the masked text just before it. Never the credential: the list is built from the masked
// output. The public tracker's redaction list (KindTracker.tsx) covers its secrets the same way.
import { SM } from '@zendeskgarden/react-typography';
import { Tag } from '@zendeskgarden/react-tags';
import type { MaskedCredential } from '../../core/types/filing.ts';
import type { Translate } from '../logic/i18n.ts';
// This part's strings are among the late ones (translations' ui subtrees loaded with it).
import '../logic/late-i18n.ts';

const SHOWN = 30;

export function whereText(t: Translate, m: MaskedCredential): string {
  return t(`ui.masked.where.${m.where.part}`, { index: m.where.index ?? '' });
}

export function MaskedList(props: { t: Translate; masked: MaskedCredential[] }): JSX.Element {
  const { t, masked } = props;
  return (
    <div data-testid="masked-preview" aria-live="polite" style={{ marginTop: 4 }}>
      <SM isBold>{t('ui.masked.title')}</SM>
      {masked.length === 0 ? (
        <SM>{t('ui.masked.none')}</SM>
      ) : (
        <>
          <SM>{t('ui.masked.hint')}</SM>
          <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
            {masked.slice(0, SHOWN).map((m, i) => (
              <li key={i} data-kind={m.kind}>
                <SM tag="span">
                  <Tag size="small">{t(`ui.masked.kind.${m.kind}`)}</Tag> {whereText(t, m)}: <code style={{ overflowWrap: 'anywhere' }}>{m.context}</code>
                </SM>
              </li>
            ))}
            {masked.length > SHOWN ? (
              <li>
                <SM tag="span">{t('ui.masked.more', { count: masked.length - SHOWN })}</SM>
              </li>
            ) : null}
          </ul>
        </>
      )}
    </div>
  );
}
