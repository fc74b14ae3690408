// Kind (request for help or defect) and tracker (private customer tracker, default; or the public one, where the
// issue is redacted: the agent sees exactly what was replaced before filing).
import { useState } from 'react';
import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Fieldset, Input, Radio } from '@zendeskgarden/react-forms';
import { SM } from '@zendeskgarden/react-typography';
import { Tag } from '@zendeskgarden/react-tags';
import type { Settings } from '../../core/settings.ts';
import type { IssueRequest } from '../../core/types/filing.ts';
import type { Draft, DraftAction } from '../logic/draft.ts';
import type { Translate } from '../logic/i18n.ts';
import { maskCredentials } from '../../core/mask.ts';
import { Section } from './layout.tsx';
// This part's strings are among the late ones (translations' ui subtrees loaded with it).
import '../logic/late-i18n.ts';

const SummaryLine = styled.div`
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 8px;
`;

const repoName = (r: { owner: string; repo: string }): string => `${r.owner}/${r.repo}`;

/**
 * Collapsed to one line while the defaults stand (a request for help in the private tracker, what most filings
 * are); the choices open on demand, and stay open once either differs from its default.
 */
export function KindTrackerSection(props: {
  t: Translate;
  draft: Draft;
  dispatch: (a: DraftAction) => void;
  settings: Settings;
  request: IssueRequest | null;
}): JSX.Element {
  const { t, draft, dispatch, settings } = props;
  const [asked, setAsked] = useState(false);
  const open = asked || draft.kind !== 'rfh' || draft.tracker !== 'private';
  const tracker = draft.tracker === 'public' ? t('ui.tracker.public', { repo: repoName(settings.publicRepo) }) : t('ui.tracker.private', { repo: repoName(settings.privateRepo) });
  if (!open) {
    return (
      <Section>
        <SummaryLine>
          <SM data-testid="kind-tracker-summary">{t('ui.kind.summary', { kind: t(`ui.kind.${draft.kind}`), tracker })}</SM>
          <Button size="small" isBasic aria-label={t('ui.kind.change_label')} aria-expanded={false} onClick={() => setAsked(true)} data-testid="kind-tracker-change">
            {t('ui.kind.change')}
          </Button>
        </SummaryLine>
      </Section>
    );
  }
  return (
    <Section>
      <Fieldset>
        <Fieldset.Legend>{t('ui.kind.title')}</Fieldset.Legend>
        <Field>
          <Radio name="engage-kind" value="rfh" checked={draft.kind === 'rfh'} onChange={() => dispatch({ type: 'kind', kind: 'rfh' })} data-testid="kind-rfh">
            <Field.Label>{t('ui.kind.rfh')}</Field.Label>
          </Radio>
        </Field>
        <Field>
          <Radio name="engage-kind" value="defect" checked={draft.kind === 'defect'} onChange={() => dispatch({ type: 'kind', kind: 'defect' })} data-testid="kind-defect">
            <Field.Label>{t('ui.kind.defect')}</Field.Label>
            <Field.Hint>{t('ui.kind.defect_hint')}</Field.Hint>
          </Radio>
        </Field>
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('ui.tracker.title')}</Fieldset.Legend>
        <Field>
          <Radio name="engage-tracker" value="private" checked={draft.tracker === 'private'} onChange={() => dispatch({ type: 'tracker', tracker: 'private' })} data-testid="tracker-private">
            <Field.Label>{t('ui.tracker.private', { repo: repoName(settings.privateRepo) })}</Field.Label>
            <Field.Hint>{t('ui.tracker.private_hint')}</Field.Hint>
          </Radio>
        </Field>
        <Field>
          <Radio name="engage-tracker" value="public" checked={draft.tracker === 'public'} onChange={() => dispatch({ type: 'tracker', tracker: 'public' })} data-testid="tracker-public">
            <Field.Label>{t('ui.tracker.public', { repo: repoName(settings.publicRepo) })}</Field.Label>
            <Field.Hint>{t('ui.tracker.public_hint')}</Field.Hint>
          </Radio>
        </Field>
      </Fieldset>
      {draft.tracker === 'public' ? (
        <>
          <RedactionPreview t={t} request={props.request} />
          <Field>
            <Field.Label>{t('ui.tracker.private_issue_label')}</Field.Label>
            <Field.Hint>{t('ui.tracker.private_issue_hint')}</Field.Hint>
            <Input
              isCompact
              type="url"
              value={draft.privateIssueUrl}
              onChange={(e) => dispatch({ type: 'privateIssueUrl', url: e.target.value })}
              data-testid="private-issue-url"
            />
          </Field>
        </>
      ) : null}
    </Section>
  );
}

function RedactionPreview(props: { t: Translate; request: IssueRequest | null }): JSX.Element {
  const { t, request } = props;
  const redactions = request?.redactions ?? [];
  return (
    <div data-testid="redaction-preview" aria-live="polite">
      <SM isBold>{t('ui.redaction.title')}</SM>
      {request === null ? <SM>{t('ui.loading')}</SM> : null}
      {request !== null && redactions.length === 0 ? <SM>{t('ui.redaction.none')}</SM> : null}
      {redactions.length > 0 ? (
        <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
          {redactions.slice(0, 50).map((r, i) => (
            <li key={i}>
              <SM tag="span">
                {/* A secret is named by its kind, never shown; other removals with any credential inside masked. */}
                <Tag size="small">{t(r.secret ? `ui.masked.kind.${r.secret}` : `ui.redaction.kind.${r.kind}`)}</Tag>{' '}
                {r.secret ? null : <del>{maskCredentials(r.original)}</del>}
                {r.secret ? null : ' → '}
                {r.replacement}
              </SM>
            </li>
          ))}
          {redactions.length > 50 ? (
            <li>
              <SM tag="span">{t('ui.redaction.more', { count: redactions.length - 50 })}</SM>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
