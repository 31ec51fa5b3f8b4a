import { listHref, pageView, sortableHead, type Order, type PageWindow } from '../../../platform/lists.ts';
import { escapeHtml, ukDate } from '../../../platform/views.ts';
import type { ChildSort } from '../queries.ts';
import type { ChildListRequest } from '../service.ts';

interface ListedChild {
  id: string;
  local_id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  postcode: string | null;
}

interface FoundChildren {
  sort: ChildSort;
  order: Order;
  children: ListedChild[];
  window?: PageWindow;
  filters: {
    teams: { id: string; name: string }[];
    workers: { id: string; given_name: string; family_name: string }[];
  };
}

/**
 * The table, page links and filters of a list of children (Find a child, Children): headings that sort, each
 * name linking to the record, and every link keeping what was typed and chosen.
 */
export function childListView(path: string, request: ChildListRequest, found: FoundChildren) {
  const kept = {
    q: request.q,
    team: request.team,
    worker: request.worker,
    sort: request.sort,
    order: request.order,
  };
  const head = sortableHead(
    [
      { label: 'Name', sort: 'name' },
      { label: 'Child ID', sort: 'child-id' },
      { label: 'Date of birth', sort: 'date-of-birth' },
      { label: 'Postcode' },
    ],
    { sort: found.sort, order: found.order },
    (sort, order) => listHref(path, kept, { sort, order, page: undefined }),
  );
  const rows = found.children.map((child) => [
    {
      html: `<a class="govuk-link" href="/children/${encodeURI(child.id)}">${escapeHtml(`${child.given_name} ${child.family_name}`)}</a>`,
    },
    { text: child.local_id },
    { text: child.date_of_birth ? ukDate(child.date_of_birth) : 'Not known' },
    { text: child.postcode ?? '' },
  ]);
  return {
    head,
    rows,
    listPage: found.window ? pageView(found.window, (page) => listHref(path, kept, { page })) : undefined,
    ...filterItems(found.filters, { team: request.team, worker: request.worker }),
    sort: found.sort,
    order: found.order,
  };
}

/** The items of the team and worker selects of a long list, the chosen ones selected. */
export function filterItems(filters: FoundChildren['filters'], chosen: { team?: string; worker?: string }) {
  return {
    teamItems: [
      { value: '', text: 'Any team' },
      ...filters.teams.map((team) => ({
        value: team.id,
        text: team.name,
        selected: team.id === chosen.team,
      })),
    ],
    workerItems: [
      { value: '', text: 'Any worker' },
      ...filters.workers.map((worker) => ({
        value: worker.id,
        text: `${worker.given_name} ${worker.family_name}`,
        selected: worker.id === chosen.worker,
      })),
    ],
  };
}
