import { Alert, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useWatch } from 'react-hook-form';
import { DEAL_KINDS, dealInput, type DealInput, LICENSE_MODES } from '../../../shared/contract/filings/deals';
import type { PartyInput } from '../../../shared/contract/filings/parties';
import type { SupplyRow } from '../../../shared/contract/matching';
import { addDays } from '../../../shared/domain/dates';
import { ENTERPRISE_SIZES } from '../../../shared/domain/enterprise';
import { useSession } from '../../app/session';
import { DateInput } from '../../components/DateInput';
import { FormField } from '../../components/FormField';
import { MoneyInput } from '../../components/MoneyInput';
import { EMPTY_PARTY, PartyPicker } from '../../components/PartyPicker';
import { call } from '../../transport/desk';
import { usePoolForm } from './submit';

/** An open license runs its declared years from the contract date, to the day before the anniversary. */
function openLicenseEnd(from: string, years: number): string {
  return addDays(`${Number(from.slice(0, 4)) + years}${from.slice(4)}`.replace(/-02-29$/, '-02-28'), -1);
}

/**
 * The deal a 对接 became, or an SME taking an open license: the deal form prefilled from the pooled patent (its
 * number, title, owner, industry; for an open license the mode, fee and term) and, after a 对接, the enterprise.
 * Saved in one step with matching.recordDeal: the deal's own checks and rules (R12 among them) apply.
 */
export function DealFromPool(props: {
  supply: SupplyRow;
  matchmakingId?: string;
  assignee?: PartyInput;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { supply } = props;
  const { status } = useSession();
  const open = !props.matchmakingId && supply.openLicense;
  const initial: DealInput = {
    kind: '许可',
    licenseMode: open ? '开放许可' : '普通',
    contractNo: '',
    contractDate: status.today,
    recordationDate: null,
    licenseEndDate: open && supply.openLicenseYears ? openLicenseEnd(status.today, supply.openLicenseYears) : null,
    patents: [{ number: supply.patentNumber, title: supply.title }],
    assignor: { id: supply.ownerId, name: supply.ownerName, kind: supply.ownerKind, regionCode: supply.ownerRegion },
    assignee: props.assignee ?? { ...EMPTY_PARTY },
    assigneeSize: null,
    industry: supply.industry as DealInput['industry'],
    amountFen: open ? (supply.openLicenseFeeFen ?? 0) : (null as unknown as number),
    payments: [],
  };
  const { control, save } = usePoolForm(dealInput, initial, props.onSaved, async (deal) => {
    await call('matching.recordDeal', { supplyId: supply.id, matchmakingId: props.matchmakingId ?? null, deal });
    return `已登记交易（${deal.contractNo}）`;
  });
  const kind = useWatch({ control, name: 'kind' });
  return (
    <Modal
      open
      width={860}
      title={open ? `取得开放许可：${supply.title}` : `登记成交：${supply.title}`}
      okText="登记交易"
      cancelText="取消"
      onOk={() => void save()}
      onCancel={props.onClose}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={`专利 ${supply.patentNumber} · 权利人 ${supply.ownerName}`}
        description="保存后作为一笔交易登记，同样经过异常检查（如开放许可与独占、排他许可或质押冲突的 R12）。"
      />
      <Form layout="vertical">
        <Row gutter={12}>
          <Col span={8}>
            <FormField
              control={control}
              name="contractNo"
              label="合同编号"
              required
              render={(f) => <Input {...f} aria-label="合同编号" autoFocus />}
            />
          </Col>
          <Col span={8}>
            <FormField
              control={control}
              name="kind"
              label="交易类型"
              required
              render={(f) => (
                <Select {...f} aria-label="交易类型" options={DEAL_KINDS.map((v) => ({ value: v, label: v }))} />
              )}
            />
          </Col>
          {kind === '许可' && (
            <Col span={8}>
              <FormField
                control={control}
                name="licenseMode"
                label="许可方式"
                required
                render={(f) => (
                  <Select {...f} aria-label="许可方式" options={LICENSE_MODES.map((v) => ({ value: v, label: v }))} />
                )}
              />
            </Col>
          )}
        </Row>
        <Row gutter={12}>
          <Col span={6}>
            <FormField
              control={control}
              name="contractDate"
              label="合同日期"
              required
              render={(f) => (
                <DateInput value={f.value} onChange={f.onChange} onBlur={f.onBlur} aria-label="合同日期" />
              )}
            />
          </Col>
          <Col span={6}>
            <FormField
              control={control}
              name="recordationDate"
              label="备案日期"
              render={(f) => (
                <DateInput value={f.value} onChange={f.onChange} onBlur={f.onBlur} aria-label="备案日期" />
              )}
            />
          </Col>
          {kind === '许可' && (
            <Col span={6}>
              <FormField
                control={control}
                name="licenseEndDate"
                label="许可期限止"
                render={(f) => (
                  <DateInput value={f.value} onChange={f.onChange} onBlur={f.onBlur} aria-label="许可期限止" />
                )}
              />
            </Col>
          )}
          <Col span={6}>
            <FormField
              control={control}
              name="amountFen"
              label="成交金额"
              required
              render={(f) => (
                <MoneyInput value={f.value} onChange={f.onChange} onBlur={f.onBlur} aria-label="成交金额" />
              )}
            />
          </Col>
        </Row>
        <PartyPicker control={control} name="assignee" label="受让方" showSize={false} />
        <Row gutter={12}>
          <Col span={6}>
            <FormField
              control={control}
              name="assigneeSize"
              label="受让方规模"
              render={(f) => (
                <Select
                  {...f}
                  value={f.value ?? undefined}
                  allowClear
                  aria-label="受让方规模"
                  options={ENTERPRISE_SIZES.map((v) => ({ value: v, label: v }))}
                />
              )}
            />
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
