import { contractExamples } from './examples.ts';
import { LIMITS } from './limits.ts';
import { PROBLEM_TYPE_PREFIX, PROBLEM_TYPES } from './problems.ts';

type Json = Record<string, unknown>;

const cell = (text: unknown): string =>
  String(text ?? '')
    .replaceAll('|', '\\|')
    .replaceAll('\n', ' ');

const refName = (schema: unknown): string => {
  const s = schema as Json | undefined;
  if (!s) return '';
  if (typeof s['$ref'] === 'string') return (s['$ref'] as string).split('/').at(-1) ?? '';
  if (s['type'] === 'array') return `${refName(s['items'])}[]`;
  return String(s['type'] ?? 'object');
};

const schemaLink = (name: string, entities: ReadonlySet<string>): string =>
  entities.has(name) ? `[\`${name}\`](../standard/${name}.md)` : `\`${name}\``;

function walkthrough(base: string): string {
  const { truongId, byEntity } = contractExamples();
  const pupil = byEntity['HocSinh'] as Json;
  const event = byEntity['SuKienTrangThai'] as Json;
  const id = String(pupil['HOC_SINH_ID']);
  const json = (value: unknown): string => JSON.stringify(value, null, 2);
  return `## Walkthrough

A school's software (here the generated ${String(byEntity['Truong']?.['TEN'] ?? 'school')}, TRUONG_ID \`${truongId}\`) pushes a new pupil, then the pupil's transfer, and the Sở reads what changed. Start a sandbox with \`eduvn-sandbox --seed demo\` to try it; the names and numbers below are generated, not real people.

1. Get a token with the account the Phòng or Sở issued:

   \`\`\`sh
   curl -s ${base}/v1/token -d grant_type=client_credentials -d client_id="$CLIENT_ID" -d client_secret="$CLIENT_SECRET"
   # {"access_token":"evs1.…","token_type":"Bearer","expires_in":3600,"scope":"quan-tri truong:${truongId}"}
   \`\`\`

2. Upsert the pupil (201 the first time, 200 \`unchanged\` when sent again). \`X-Occurred-At\` says when the information arose: the 48-hour deadline runs from it.

   \`\`\`sh
   curl -s -X PUT ${base}/v1/truong/${truongId}/hoc-sinh/${id} \\
     -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
     -H 'X-Occurred-At: 2026-09-05T08:30:00+07:00' --data @hoc-sinh.json
   \`\`\`

   \`hoc-sinh.json\`:

   \`\`\`json
${json(pupil)
  .split('\n')
  .map((l) => `   ${l}`)
  .join('\n')}
   \`\`\`

3. The pupil transfers out: nothing is deleted, a status event is recorded (\`Idempotency-Key\` on every POST).

   \`\`\`sh
   curl -s -X POST ${base}/v1/truong/${truongId}/hoc-sinh/${String(event['MA_DOI_TUONG'])}/su-kien \\
     -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
     -H "Idempotency-Key: $(uuidgen)" --data '${JSON.stringify(event)}'
   \`\`\`

4. The Sở follows the delta feed, keeping the last \`next\`:

   \`\`\`sh
   curl -s "${base}/v1/changes?since=0&limit=100" -H "Authorization: Bearer $SO_TOKEN"
   \`\`\`

`;
}

/**
 * The contract rendered as Markdown (`docs/api/README.md`): the principles, a walkthrough with
 * Vietnamese examples, every problem type, the limits, and every operation with its parameters,
 * body and responses. Generated from the OpenAPI document, never edited by hand.
 */
export function renderContract(doc: Json, entityNames: ReadonlySet<string>): string {
  const info = doc['info'] as Json;
  const base =
    ((doc['servers'] as Json[] | undefined)?.[0]?.['url'] as string) ?? 'http://127.0.0.1:4010';
  const out: string[] = [];
  out.push(
    `# ${String(info['title'])} — v${String(info['version'])}`,
    '',
    '<!-- Generated from packages/sandbox/openapi.json by `pnpm --filter @eduvn/sandbox generate`; do not edit. -->',
    '',
    `> API cơ sở dữ liệu giáo dục thành phố của eduvn: phần mềm quản lý nhà trường đẩy mọi thay đổi lên CSDL trong vòng 48 giờ, qua tích hợp hệ thống. Tài liệu OpenAPI 3.1 đầy đủ: [\`openapi.json\`](../../packages/sandbox/openapi.json).`,
    '',
    String(info['description']),
    '',
    walkthrough(base),
    '## Problem types',
    '',
    `Every error is an RFC 9457 problem document with \`type\` = \`${PROBLEM_TYPE_PREFIX}<slug>\`.`,
    '',
    '| slug | status | title | tiêu đề |',
    '| --- | --- | --- | --- |',
    ...Object.entries(PROBLEM_TYPES).map(
      ([slug, t]) => `| \`${slug}\` | ${t.status} | ${cell(t.title)} | ${cell(t.titleVi)} |`,
    ),
    '',
    '## Limits',
    '',
    '| limit | value |',
    '| --- | --- |',
    ...Object.entries(LIMITS).map(([name, value]) => `| \`${name}\` | ${value} |`),
    '',
    '## Operations',
    '',
  );
  const byTag = new Map<string, string[]>();
  const paths = doc['paths'] as Record<string, Record<string, Json>>;
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = ((op['tags'] as string[] | undefined)?.[0] ?? 'Other') as string;
      const lines: string[] = [];
      lines.push(
        `#### \`${method.toUpperCase()} ${path}\``,
        '',
        `**${cell(op['summary'])}** (\`${String(op['operationId'])}\`)`,
        '',
      );
      if (op['description']) lines.push(String(op['description']), '');
      const params = (op['parameters'] as Json[] | undefined) ?? [];
      if (params.length > 0) {
        lines.push('| parameter | in | required | description |', '| --- | --- | --- | --- |');
        for (const p of params)
          lines.push(
            `| \`${String(p['name'])}\` | ${String(p['in'])} | ${p['required'] ? 'yes' : 'no'} | ${cell(p['description'] ?? (p['schema'] as Json | undefined)?.['description'])} |`,
          );
        lines.push('');
      }
      const body = (op['requestBody'] as Json | undefined)?.['content'] as
        | Record<string, Json>
        | undefined;
      if (body) {
        const [type, media] = Object.entries(body)[0] as [string, Json];
        lines.push(`Body (\`${type}\`): ${schemaLink(refName(media['schema']), entityNames)}`, '');
      }
      const responses = op['responses'] as Record<string, Json>;
      lines.push('| status | answer |', '| --- | --- |');
      for (const [status, r] of Object.entries(responses)) {
        const content = r['content'] as Record<string, Json> | undefined;
        const schema = content ? Object.values(content)[0]?.['schema'] : undefined;
        lines.push(
          `| ${status} | ${cell(r['description'])}${schema ? ` — \`${refName(schema)}\`` : ''} |`,
        );
      }
      lines.push('');
      byTag.set(tag, [...(byTag.get(tag) ?? []), ...lines]);
    }
  }
  for (const [tag, lines] of byTag) out.push(`### ${tag}`, '', ...lines);
  out.push(
    '## Schemas',
    '',
    `Record bodies are the wire objects of QĐ 4998 entities; their fields (symbol, type, length, catalog, sensitivity, source) are in the data dictionary: ${[
      ...entityNames,
    ]
      .filter(
        (n) =>
          (doc['components'] as Json)?.['schemas'] &&
          n in ((doc['components'] as Json)['schemas'] as Json),
      )
      .map((n) => schemaLink(n, entityNames))
      .join(
        ', ',
      )}. The envelopes (results, pages, problems, the token) are defined in [\`openapi.json\`](../../packages/sandbox/openapi.json).`,
    '',
  );
  return out.join('\n');
}
