import { Button, Card, Descriptions, Grid, List, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import React, { useState } from 'react';
import { useI18n } from '../i18n/i18n';

type Row = object;

/** A column's value for one row, as the table would show it. */
function cell<T extends Row>(col: ColumnType<T>, row: T, index: number): React.ReactNode {
  const key = col.dataIndex as keyof T | undefined;
  const value = key === undefined ? undefined : row[key];
  return col.render ? (col.render(value, row, index) as React.ReactNode) : (value as React.ReactNode);
}

function RowCard<T extends Row>({ row, index, props }: { row: T; index: number; props: TableProps<T> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const columns = (props.columns ?? []) as ColumnType<T>[];
  const titled = columns.filter((c) => c.title);
  const actions = columns.filter((c) => !c.title);
  const expandable = props.expandable?.expandedRowRender && (props.expandable.rowExpandable?.(row) ?? true);
  return (
    <Card size="small" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} colon={false} labelStyle={{ minWidth: 96 }}>
        {titled.map((c, i) => (
          <Descriptions.Item key={i} label={c.title as React.ReactNode}>
            {cell(c, row, index)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {actions.map((c, i) => (
        <div key={`action-${i}`}>{cell(c, row, index)}</div>
      ))}
      {expandable && (
        <>
          <Button block size="large" style={{ marginTop: 8 }} onClick={() => setOpen(!open)} data-testid="card-expand">
            {open ? t('collapse') : t('open')}
          </Button>
          {open && <div style={{ marginTop: 12 }}>{props.expandable!.expandedRowRender!(row, index, 0, open)}</div>}
        </>
      )}
    </Card>
  );
}

/**
 * A table on a desk, a list of cards on a phone or a tablet (below 992 px, issue 28): each row becomes a
 * card with one line per titled column, the untitled columns (actions) under them, and the row's
 * expanded part (a form) behind a full-width button, so that nothing needs a sideways scroll.
 */
export function ResponsiveTable<T extends Row>(props: TableProps<T>) {
  const { t } = useI18n();
  const narrow = !Grid.useBreakpoint().lg;
  if (!narrow) return <Table<T> {...props} />;
  const rows = (props.dataSource ?? []) as T[];
  const keyOf = (r: T, i: number) =>
    typeof props.rowKey === 'function' ? props.rowKey(r) : props.rowKey ? String(r[props.rowKey as keyof T]) : String(i);
  return (
    <List<T>
      loading={Boolean(props.loading)}
      dataSource={rows}
      locale={{ emptyText: (props.locale?.emptyText as React.ReactNode) ?? t('empty') }}
      rowKey={(r) => keyOf(r, rows.indexOf(r))}
      renderItem={(r, i) => (
        <List.Item style={{ paddingInline: 0 }} {...((props.onRow?.(r, i) ?? {}) as React.HTMLAttributes<HTMLElement>)}>
          <RowCard row={r} index={i} props={props} />
        </List.Item>
      )}
    />
  );
}
