import { BarChart } from '@mantine/charts';
import { Alert, Badge, Button, Checkbox, Group, List, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconChecklist, IconClipboardList, IconFileImport, IconFileText, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RequireOrganisationKind } from '@/components/RequireOrganisationKind';
import { ApiError } from '@/lib/api/problem';
import { type MyOrganisation } from '@/lib/auth/me';
import { currentLanguage } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';
import { ImportTasks } from './ImportTasks';
import {
  useCheckItems,
  useCheckTask,
  useDeleteTask,
  useSaveTask,
  useStartRfpFromTasks,
  useWorkInventory,
  type WorkInventory,
  type WorkTask,
  type WorkTaskInput,
} from './api';
import { NumberField } from '@/components/NumberField';
import { bounds } from '@/lib/bounds';
import { Dialog } from '@/components/Dialog';
import { confirmAction } from '@/lib/confirm';

const frequencies = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'adhoc'] as const;
const expertiseLevels = ['low', 'medium', 'high'] as const;
const substitutability = ['easy', 'possible', 'hard'] as const;
const editorRoles = ['owner', 'admin', 'procurement'];
const verdictColour: Record<string, string> = { candidate: 'teal', partial: 'yellow', keep: 'gray' };

const emptyTask: WorkTaskInput = {
  name: '',
  department: '',
  frequency: 'monthly',
  hoursPerMonth: null,
  monthlyVolume: null,
  volumeUnit: '',
  expertise: 'medium',
  substitutability: 'possible',
  currentOwner: '',
};

export function WorkInventoryRoute() {
  const { t } = useTranslation();
  usePageTitle(t('inventory.title'));
  return (
    <RequireOrganisationKind kind="client" icon={<IconClipboardList size={26} />} title={t('inventory.notClientTitle')} body={t('inventory.notClientBody')}>
      {(organisation) => <Inventory organisation={organisation} />}
    </RequireOrganisationKind>
  );
}

function Inventory({ organisation }: { organisation: MyOrganisation }) {
  const { t } = useTranslation();
  const inventory = useWorkInventory(organisation.id);
  const remove = useDeleteTask(organisation.id);
  const canEdit = editorRoles.includes(organisation.role);
  const [editing, setEditing] = useState<{ id?: string; input: WorkTaskInput } | null>(null);
  const [checking, setChecking] = useState<WorkTask | null>(null);
  const [importing, setImporting] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const startRfp = useStartRfpFromTasks();
  const navigate = useNavigate();

  const addButton = canEdit && (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
        {t('inventory.import.open')}
      </Button>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ input: emptyTask })}>
        {t('inventory.add')}
      </Button>
    </Group>
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('inventory.title')}</Title>
          <Text c="dimmed" maw={720}>
            {t('inventory.lead')}
          </Text>
        </div>
        {/* With no task yet the empty state holds the one button. */}
        {(inventory.data?.tasks.length ?? 0) > 0 && addButton}
      </Group>
      {!canEdit && <Alert color="gray">{t('inventory.readOnly')}</Alert>}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {inventory.isPending ? (
        <Skeleton height={240} aria-busy />
      ) : inventory.isError ? (
        <ErrorAlert error={inventory.error} onRetry={() => void inventory.refetch()} />
      ) : inventory.data.tasks.length === 0 ? (
        <EmptyState icon={<IconClipboardList size={26} />} title={t('inventory.emptyTitle')} body={t('inventory.emptyBody')} action={addButton || undefined} />
      ) : (
        <>
          <Summary inventory={inventory.data} />
          {canEdit && (
            <Group>
              <Button
                variant="light"
                leftSection={<IconFileText size={16} />}
                disabled={selected.length === 0}
                loading={startRfp.isPending}
                onClick={() => startRfp.mutate(selected, { onSuccess: (rfp) => void navigate(`/client/rfps/${rfp.id}`) })}
              >
                {t('rfp.fromTasks', { count: selected.length })}
              </Button>
              <Text size="sm" c="dimmed">
                {t('inventory.selectHint')}
              </Text>
            </Group>
          )}
          {startRfp.isError && <ErrorAlert error={startRfp.error} />}
          <TaskTable
            tasks={inventory.data.tasks}
            canEdit={canEdit}
            selected={selected}
            onSelect={setSelected}
            onEdit={(task) => setEditing({ id: task.id, input: toInput(task) })}
            onCheck={setChecking}
            onDelete={(task) =>
              void confirmAction({ title: t('inventory.confirmDelete', { name: task.name }), confirmLabel: t('inventory.delete') }).then(
                (yes) => yes && remove.mutate(task.id),
              )
            }
          />
          <HoursChart tasks={inventory.data.tasks} />
        </>
      )}
      {editing && <TaskForm organisationId={organisation.id} editing={editing} onClose={() => setEditing(null)} />}
      {checking && <CheckForm organisationId={organisation.id} task={checking} onClose={() => setChecking(null)} />}
      {importing && <ImportTasks organisationId={organisation.id} onClose={() => setImporting(false)} />}
    </Stack>
  );
}

const toInput = (task: WorkTask): WorkTaskInput => ({
  name: task.name,
  department: task.department ?? '',
  frequency: task.frequency,
  hoursPerMonth: Number(task.hoursPerMonth),
  monthlyVolume: task.monthlyVolume == null ? null : Number(task.monthlyVolume),
  volumeUnit: task.volumeUnit ?? '',
  expertise: task.expertise,
  substitutability: task.substitutability,
  currentOwner: task.currentOwner ?? '',
});

// The OpenAPI document types numbers as number | string (the Api also reads numbers written as strings); it sends numbers.
function Summary({ inventory }: { inventory: WorkInventory }) {
  const { t } = useTranslation();
  const figures = [
    { label: t('inventory.summary.tasks'), value: t('inventory.summary.count', { count: inventory.tasks.length }) },
    { label: t('inventory.summary.checked'), value: t('inventory.summary.count', { count: Number(inventory.checked) }) },
    { label: t('inventory.summary.candidates'), value: t('inventory.summary.count', { count: Number(inventory.candidates) }) },
    { label: t('inventory.summary.hours'), value: t('inventory.summary.hoursValue', { hours: Number(inventory.hoursPerMonth) }) },
    { label: t('inventory.summary.candidateHours'), value: t('inventory.summary.hoursValue', { hours: Number(inventory.candidateHoursPerMonth) }) },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} component="dl" m={0}>
      {figures.map((f) => (
        <Paper key={f.label} withBorder p="sm">
          <Text component="dt" size="sm" c="dimmed">
            {f.label}
          </Text>
          <Text component="dd" m={0} fw={700} size="xl">
            {f.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function VerdictBadge({ task }: { task: WorkTask }) {
  const { t } = useTranslation();
  if (!task.assessment)
    return (
      <Badge color="gray" variant="outline">
        {t('inventory.verdict.unchecked')}
      </Badge>
    );
  return (
    <Group gap={4}>
      <Badge color={verdictColour[task.assessment.verdict] ?? 'gray'} variant="light">
        {t(`inventory.verdict.${task.assessment.verdict}`)}
      </Badge>
      {task.assessment.suggestedType && <Badge variant="outline">{task.assessment.suggestedType}</Badge>}
    </Group>
  );
}

function TaskTable({
  tasks,
  canEdit,
  selected,
  onSelect,
  onEdit,
  onCheck,
  onDelete,
}: {
  tasks: WorkTask[];
  canEdit: boolean;
  selected: string[];
  onSelect: (ids: string[]) => void;
  onEdit: (task: WorkTask) => void;
  onCheck: (task: WorkTask) => void;
  onDelete: (task: WorkTask) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder verticalSpacing="sm">
        <Table.Caption>{t('inventory.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {canEdit && (
              <Table.Th scope="col" w={40}>
                <Checkbox
                  aria-label={t('inventory.selectAll')}
                  checked={selected.length > 0 && selected.length === tasks.length}
                  indeterminate={selected.length > 0 && selected.length < tasks.length}
                  onChange={(e) => onSelect(e.currentTarget.checked ? tasks.map((x) => x.id) : [])}
                />
              </Table.Th>
            )}
            <Table.Th scope="col">{t('inventory.field.name')}</Table.Th>
            <Table.Th scope="col">{t('inventory.field.department')}</Table.Th>
            <Table.Th scope="col">{t('inventory.field.frequency')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('inventory.field.hoursPerMonth')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('inventory.field.monthlyVolume')}
            </Table.Th>
            <Table.Th scope="col">{t('inventory.field.expertise')}</Table.Th>
            <Table.Th scope="col">{t('inventory.field.substitutability')}</Table.Th>
            <Table.Th scope="col">{t('inventory.verdict.label')}</Table.Th>
            {canEdit && <Table.Th scope="col">{t('inventory.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id}>
              {canEdit && (
                <Table.Td>
                  <Checkbox
                    aria-label={t('inventory.selectTask', { name: task.name })}
                    checked={selected.includes(task.id)}
                    onChange={(e) => onSelect(e.currentTarget.checked ? [...selected, task.id] : selected.filter((id) => id !== task.id))}
                  />
                </Table.Td>
              )}
              <Table.Th scope="row" fw={600}>
                {task.name}
                {task.currentOwner && (
                  <Text size="xs" c="dimmed">
                    {task.currentOwner}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{task.department ?? '—'}</Table.Td>
              <Table.Td>{t(`inventory.frequency.${task.frequency}`)}</Table.Td>
              <Table.Td ta="right">{Number(task.hoursPerMonth).toLocaleString(currentLanguage() === 'en' ? 'en-US' : 'ja-JP')}</Table.Td>
              <Table.Td ta="right">
                {task.monthlyVolume != null ? `${Number(task.monthlyVolume).toLocaleString('ja-JP')} ${task.volumeUnit ?? ''}` : '—'}
              </Table.Td>
              <Table.Td>{t(`inventory.expertise.${task.expertise}`)}</Table.Td>
              <Table.Td>{t(`inventory.substitutability.${task.substitutability}`)}</Table.Td>
              <Table.Td>
                <VerdictBadge task={task} />
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconChecklist size={14} />}
                      onClick={() => onCheck(task)}
                      aria-label={t(task.assessment ? 'inventory.recheckFor' : 'inventory.checkFor', { name: task.name })}
                    >
                      {task.assessment ? t('inventory.recheck') : t('inventory.check')}
                    </Button>
                    <Button size="xs" variant="subtle" onClick={() => onEdit(task)} aria-label={t('inventory.editFor', { name: task.name })}>
                      {t('inventory.edit')}
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => onDelete(task)} aria-label={t('inventory.deleteFor', { name: task.name })}>
                      {t('inventory.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Hours a month per task, coloured by verdict: where outsourcing would free the most time. */
function HoursChart({ tasks }: { tasks: WorkTask[] }) {
  const { t } = useTranslation();
  const rows = [...tasks]
    .sort((a, b) => Number(b.hoursPerMonth) - Number(a.hoursPerMonth))
    .slice(0, 15)
    .map((task) => {
      const verdict = task.assessment?.verdict ?? 'unchecked';
      return { task: task.name, candidate: 0, partial: 0, keep: 0, unchecked: 0, [verdict]: Number(task.hoursPerMonth) };
    });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="hours-chart-heading">
      <Title order={3} id="hours-chart-heading" mb="xs">
        {t('inventory.chartTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('inventory.chartLead')}
      </Text>
      <BarChart
        h={Math.max(160, rows.length * 40)}
        data={rows}
        dataKey="task"
        type="stacked"
        orientation="vertical"
        yAxisProps={{ width: 200 }}
        valueFormatter={(value) => t('inventory.summary.hoursValue', { hours: value })}
        withLegend
        series={[
          { name: 'candidate', label: t('inventory.verdict.candidate'), color: 'teal.6' },
          { name: 'partial', label: t('inventory.verdict.partial'), color: 'yellow.6' },
          { name: 'keep', label: t('inventory.verdict.keep'), color: 'gray.6' },
          { name: 'unchecked', label: t('inventory.verdict.unchecked'), color: 'gray.3' },
        ]}
      />
    </Paper>
  );
}

function TaskForm({ organisationId, editing, onClose }: { organisationId: string; editing: { id?: string; input: WorkTaskInput }; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveTask(organisationId);
  const [input, setInput] = useState(editing.input);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = <K extends keyof WorkTaskInput>(key: K, value: WorkTaskInput[K]) => setInput({ ...input, [key]: value });
  const options = (keys: readonly string[], group: string) => keys.map((value) => ({ value, label: t(`inventory.${group}.${value}`) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ id: editing.id, input }, { onSuccess: onClose });
  };
  return (
    <Dialog opened onClose={onClose} title={editing.id ? t('inventory.editTitle') : t('inventory.addTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.isError && !(save.error instanceof ApiError && save.error.status === 400) && <ErrorAlert error={save.error} />}
          <TextInput
            label={t('inventory.field.name')}
            required
            value={input.name ?? ''}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            placeholder={t('inventory.namePlaceholder')}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('inventory.field.department')}
              value={input.department ?? ''}
              onChange={(e) => set('department', e.currentTarget.value)}
              error={errors.department}
            />
            <TextInput
              label={t('inventory.field.currentOwner')}
              value={input.currentOwner ?? ''}
              onChange={(e) => set('currentOwner', e.currentTarget.value)}
              error={errors.currentOwner}
            />
            <Select
              label={t('inventory.field.frequency')}
              required
              data={options(frequencies, 'frequency')}
              value={input.frequency ?? null}
              onChange={(value) => set('frequency', value)}
              error={errors.frequency}
              allowDeselect={false}
            />
            <NumberField
              label={t('inventory.field.hoursPerMonth')}
              required
              {...bounds.hoursPerMonth}
              decimalScale={1}
              value={input.hoursPerMonth}
              onChange={(value) => set('hoursPerMonth', value)}
              error={errors.hoursPerMonth}
            />
            <NumberField
              label={t('inventory.field.monthlyVolume')}
              {...bounds.taskMonthlyVolume}
              thousandSeparator=","
              value={input.monthlyVolume}
              onChange={(value) => set('monthlyVolume', value)}
              error={errors.monthlyVolume}
            />
            <TextInput
              label={t('inventory.field.volumeUnit')}
              placeholder={t('inventory.volumeUnitPlaceholder')}
              value={input.volumeUnit ?? ''}
              onChange={(e) => set('volumeUnit', e.currentTarget.value)}
              error={errors.volumeUnit}
            />
            <Select
              label={t('inventory.field.expertise')}
              required
              data={options(expertiseLevels, 'expertise')}
              value={input.expertise ?? null}
              onChange={(value) => set('expertise', value)}
              error={errors.expertise}
              allowDeselect={false}
            />
            <Select
              label={t('inventory.field.substitutability')}
              required
              data={options(substitutability, 'substitutability')}
              value={input.substitutability ?? null}
              onChange={(value) => set('substitutability', value)}
              error={errors.substitutability}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('inventory.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('inventory.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function CheckForm({ organisationId, task, onClose }: { organisationId: string; task: WorkTask; onClose: () => void }) {
  const { t } = useTranslation();
  const items = useCheckItems(currentLanguage());
  const check = useCheckTask(organisationId);
  const [yes, setYes] = useState<string[]>(task.checkYes);
  const result = check.data ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    check.mutate({ id: task.id, yes });
  };
  return (
    <Dialog opened onClose={onClose} title={t('inventory.checkTitle', { name: task.name })} size="lg">
      {items.isPending ? (
        <Skeleton height={300} />
      ) : items.isError ? (
        <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('inventory.checkLead')}
            </Text>
            <Checkbox.Group value={yes} onChange={setYes} label={t('inventory.checkLegend')}>
              <Stack gap="xs" mt="xs">
                {items.data.map((item) => (
                  <Checkbox key={item.code} value={item.code} label={item.label} description={t(`inventory.direction.${item.direction}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
            {check.isError && <ErrorAlert error={check.error} />}
            {result?.assessment && (
              <Alert color={verdictColour[result.assessment.verdict] ?? 'gray'} title={t(`inventory.verdict.${result.assessment.verdict}`)} role="status">
                <List size="sm" spacing={4}>
                  {result.assessment.reasons.map((reason) => (
                    <List.Item key={reason}>{reason}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {result ? t('inventory.close') : t('inventory.cancel')}
              </Button>
              <Button type="submit" loading={check.isPending}>
                {t('inventory.judge')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
