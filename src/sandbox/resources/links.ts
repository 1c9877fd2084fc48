/** Link objects as the service returns them: relative, without /v1 (partner-center-rest-urls, SDK). */
// A type alias, not an interface, so it stays assignable to the schemas' index-signature link type.
export type WireLink = {
  uri: string;
  method: string;
  headers: { key: string; value: string }[];
};

export function link(uri: string, method = 'GET', headers: { key: string; value: string }[] = []): WireLink {
  return { uri, method, headers };
}

export function collection<T>(items: T[], selfUri: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    totalCount: items.length,
    items,
    ...extra,
    links: { self: link(selfUri) },
    attributes: { objectType: 'Collection' },
  };
}

export const isoDate = (date: Date): string => date.toISOString();
