// A figure: its title, the chart (or, at a press of "Table", the same numbers as a table: the view for keyboard
// and screen-reader users), both from one Figure (figures.ts).
import { useId, useState } from 'react';
import { ToggleButton } from '@zendeskgarden/react-buttons';
import { Body, Caption, Cell, Head, HeaderCell, HeaderRow, Row, Table } from '@zendeskgarden/react-tables';
import { MD } from '@zendeskgarden/react-typography';
import { ChartCanvas } from './charts/ChartCanvas.tsx';
import type { Figure as FigureData } from './figures.ts';
import type { Translate } from './i18n.ts';

export function DataTable(props: { caption: string; columns: string[]; rows: (string | number)[][]; testId: string }): JSX.Element {
  return (
    <Table size="small" data-testid={props.testId}>
      <Caption>{props.caption}</Caption>
      <Head>
        <HeaderRow>
          {props.columns.map((c, i) => (
            <HeaderCell key={i} scope="col">
              {c}
            </HeaderCell>
          ))}
        </HeaderRow>
      </Head>
      <Body>
        {props.rows.map((row, r) => (
          <Row key={r}>
            {row.map((v, i) => (
              <Cell key={i}>{v}</Cell>
            ))}
          </Row>
        ))}
      </Body>
    </Table>
  );
}

export function Figure(props: { figure: FigureData; t: Translate }): JSX.Element {
  const { figure, t } = props;
  const [table, setTable] = useState(false);
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="insights-figure" data-testid={`figure-${figure.id}`}>
      <div className="insights-figure-head">
        <MD tag="h3" isBold id={titleId}>
          {figure.title}
        </MD>
        <ToggleButton size="small" isPressed={table} onClick={() => setTable(!table)} data-testid={`toggle-${figure.id}`}>
          {t('insights.view.table')}
        </ToggleButton>
      </div>
      {table ? (
        <DataTable caption={figure.summary} columns={figure.columns} rows={figure.rows} testId={`table-${figure.id}`} />
      ) : (
        <ChartCanvas config={figure.chart} label={`${figure.title}: ${figure.summary}`} testId={`chart-${figure.id}`} />
      )}
    </section>
  );
}
