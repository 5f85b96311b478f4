import { Form, Input, Modal, Select } from 'antd';
import { MATCH_OUTCOMES, matchmakingInput, type MatchmakingInput } from '../../../shared/contract/matching';
import { useSession } from '../../app/session';
import { DateInput } from '../../components/DateInput';
import { FormField } from '../../components/FormField';
import { call } from '../../transport/desk';
import { usePoolForm } from './submit';

/** Records a 对接 between a need and a pooled patent: the date, what happened (a visit, a fair …) and how it stands. */
export function MatchmakingForm(props: {
  needId: string;
  supplyId: string;
  title: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { status } = useSession();
  const initial: MatchmakingInput = {
    needId: props.needId,
    supplyId: props.supplyId,
    eventDate: status.today,
    event: '',
    outcome: '洽谈中',
  };
  const { control, save } = usePoolForm(matchmakingInput, initial, props.onSaved, async (values) => {
    await call('matching.matchmakings.save', { record: values });
    return '已记录对接';
  });
  return (
    <Modal
      open
      title={`记录对接：${props.title}`}
      okText="保存"
      cancelText="取消"
      onOk={() => void save()}
      onCancel={props.onClose}
    >
      <Form layout="vertical">
        <FormField
          control={control}
          name="eventDate"
          label="对接日期"
          required
          render={(f) => <DateInput value={f.value} onChange={f.onChange} onBlur={f.onBlur} aria-label="对接日期" />}
        />
        <FormField
          control={control}
          name="event"
          label="对接活动"
          required
          extra="如：上门走访、供需对接会、线上洽谈"
          render={(f) => <Input {...f} aria-label="对接活动" autoFocus />}
        />
        <FormField
          control={control}
          name="outcome"
          label="对接结果"
          render={(f) => (
            <Select {...f} aria-label="对接结果" options={MATCH_OUTCOMES.map((v) => ({ value: v, label: v }))} />
          )}
        />
      </Form>
    </Modal>
  );
}
