import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';

export interface HomeItem {
  key: string;
  to: string;
  title: string;
  /** A line under the title: the client, the deadline, how many questions. */
  detail?: string;
  badge?: string;
}

/**
 * One box of a home page: what kind of work, how many, the few most pressing with a link each, and what it means
 * when there is none (so an empty box says something true, not nothing).
 */
export function HomeList({
  title,
  items,
  empty,
  more,
  icon,
}: {
  title: string;
  items: HomeItem[];
  empty: string;
  more?: { label: string; to: string };
  icon?: ReactNode;
}) {
  const id = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          {icon}
          <Title order={3} size="h5" id={id}>
            {title}
          </Title>
        </Group>
        {items.length > 0 && (
          <Badge variant="light" aria-hidden>
            {items.length}
          </Badge>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <li key={item.key}>
              <Anchor component={Link} to={item.to} size="sm" fw={500}>
                {item.title}
              </Anchor>
              {item.badge && (
                <Badge size="xs" variant="light" color="orange" ml="xs">
                  {item.badge}
                </Badge>
              )}
              {item.detail && (
                <Text size="xs" c="dimmed">
                  {item.detail}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
      {more && (
        <Anchor component={Link} to={more.to} size="sm" mt="xs" display="inline-block">
          {more.label}
        </Anchor>
      )}
    </Paper>
  );
}
