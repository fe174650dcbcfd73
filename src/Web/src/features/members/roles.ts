/** The roles of each kind of organisation, in the order the Api lists them. */
export const rolesOf = (kind: string) => (kind === 'vendor' ? ['owner', 'admin', 'sales', 'viewer'] : ['owner', 'admin', 'procurement', 'evaluator', 'viewer']);
