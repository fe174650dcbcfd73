import { NotFound } from '@/components/NotFound';

export function NotFoundRoute() {
  return <NotFound kind="page" />;
}
