// What every view of a ticket is given: the agent's translations, the ticket, its classification, the settings and
// teams in force, and the GitHub use cases. One type, so the sidebar hands it on whole.
import type { TicketLink } from '../../core/links.ts';
import type { Settings } from '../../core/settings.ts';
import type { Suggestion, Team } from '../../core/types/classification.ts';
import type { TicketLocation, TicketModel } from '../../core/types/ticket.ts';
import type { FlowsSource } from '../../flows/flows.ts';
import type { Translate } from '../logic/i18n.ts';

export interface TicketViewProps {
  t: Translate;
  /** The agent's locale (e.g. `de`), for dates and relative times. */
  locale: string;
  /** The GitHub use cases and the ZAF client. */
  session: FlowsSource;
  location: TicketLocation;
  model: TicketModel;
  /** The team and priority suggested (the checklist hints are added after the first paint, in the workbench). */
  classification: Suggestion;
  settings: Settings;
  teams: Team[];
  /** The issues the ticket links already, when the form is opened to file or link one more. */
  linked?: readonly TicketLink[];
  /** Told when the ticket was added to an existing issue, or (with links already) filed one more. */
  onLinked?: (link: TicketLink) => void;
  /** The private issue whose public issue the form files (promote to public): the form opens on the public tracker. */
  promoteFrom?: TicketLink | null;
}
