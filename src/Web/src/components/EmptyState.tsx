import { Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

type Action = { actionLabel: string; actionTo: string; action?: never } | { action?: ReactNode; actionLabel?: never; actionTo?: never };

/** What an empty page shows: what is missing and the one thing to do next (a link, or any button). */
export function EmptyState(props: { icon: ReactNode; title: string; body: string } & Action) {
  return (
    <Paper withBorder p="xl" radius="md" maw={640}>
      <Stack align="flex-start" gap="sm">
        <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
          {props.icon}
        </ThemeIcon>
        <Title order={3}>{props.title}</Title>
        <Text c="dimmed">{props.body}</Text>
        {props.actionTo ? (
          <Button component={Link} to={props.actionTo}>
            {props.actionLabel}
          </Button>
        ) : (
          props.action
        )}
      </Stack>
    </Paper>
  );
}
