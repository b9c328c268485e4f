import { PROBLEM_KINDS } from '@eduvn/fixtures';
import { CONFORMANCE_FORMAT, CONFORMANCE_FORMAT_VERSION } from './types.ts';

const ruleIds = (what: string) => ({
  type: 'array',
  description: what,
  items: { type: 'string', pattern: '^[A-Z][A-Z0-9]*(\\.[A-Z0-9]+)*\\.\\d{3}$' },
  uniqueItems: true,
});

/**
 * The JSON Schema (draft 2020-12) of a conformance set file — written next to each set
 * (`conformance/records.schema.json`) by the generator. `parseConformanceSet` checks the same
 * structure in code.
 *
 * @internal
 */
export function recordsSetSchema(): Record<string, unknown> {
  const base = {
    id: { type: 'string', minLength: 1, description: 'A stable identifier of the case.' },
    description: { type: 'string', description: 'What the case is, in English.' },
    scope: {
      enum: ['record', 'dataset'],
      description:
        "'record': the problem is visible on one record alone (an API can check it on a single write); 'dataset': it needs several records together.",
    },
    source: {
      type: 'string',
      description: 'How the records were made with @eduvn/fixtures (seeds and options).',
    },
    options: { $ref: '#/$defs/options' },
    records: {
      type: 'array',
      minItems: 1,
      items: { $ref: '#/$defs/record' },
      description: 'The records to validate together, in order.',
    },
    expect: { $ref: '#/$defs/expectation' },
  };
  const required = [
    'id',
    'valid',
    'description',
    'scope',
    'source',
    'options',
    'records',
    'expect',
  ];
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'eduvn conformance set',
    description:
      'Cases of QĐ 4998 records (wire objects, as the city-database API takes them), each with the validation options and exactly the rule ids validation must report. Published by @eduvn/testing; generated from @eduvn/fixtures and @eduvn/rules.',
    type: 'object',
    required: ['format', 'version', 'set', 'description', 'standard', 'cases'],
    properties: {
      $schema: { type: 'string' },
      format: { const: CONFORMANCE_FORMAT },
      version: { const: CONFORMANCE_FORMAT_VERSION },
      set: { type: 'string', minLength: 1, description: "The set's name." },
      description: { type: 'string' },
      standard: { type: 'string', description: 'The standard the records follow.' },
      cases: { type: 'array', items: { $ref: '#/$defs/case' } },
    },
    additionalProperties: false,
    $defs: {
      options: {
        type: 'object',
        description: 'The validation options of the case.',
        required: ['asOf'],
        properties: {
          asOf: {
            type: 'string',
            format: 'date',
            description:
              'The day the data describe (catalog versions and ages are taken as of it).',
          },
          schoolYear: {
            type: 'string',
            pattern: '^\\d{4}-\\d{4}$',
            description: "The school year 'yyyy-yyyy' (consecutive years).",
          },
          period: {
            enum: ['start-of-year', 'GK1', 'CK1', 'GK2', 'year-end'],
            description: 'The reporting period whose completeness rules run.',
          },
        },
        additionalProperties: false,
      },
      record: {
        type: 'object',
        required: ['entity', 'wire'],
        properties: {
          entity: {
            type: 'string',
            minLength: 1,
            description: "The entity's name in @eduvn/standard ('HocSinh', 'Lop', 'CanBo', …).",
          },
          wire: {
            type: 'object',
            description:
              "The record as a wire object: QĐ 4998 symbols as keys, ISO 8601 dates (the entity's wire JSON Schema is @eduvn/standard/json-schema/wire/<entity>.schema.json). Records of invalid cases may break it on purpose.",
          },
        },
        additionalProperties: false,
      },
      expectation: {
        type: 'object',
        description: 'Exactly the rule ids validation reports on the case, by severity, sorted.',
        required: ['errors', 'queries'],
        properties: {
          errors: ruleIds('Rules that report at least one error.'),
          queries: ruleIds('Rules that report at least one query.'),
        },
        additionalProperties: false,
      },
      problem: {
        type: 'object',
        description: 'The problem planted in an invalid case (plantProblems of @eduvn/fixtures).',
        required: ['kind', 'rules', 'at', 'note'],
        properties: {
          kind: { enum: [...PROBLEM_KINDS] },
          rules: ruleIds(
            'The rule ids the kind of problem must trip, written down independently of any validator; always among the expected ones.',
          ),
          at: {
            type: 'array',
            minItems: 1,
            description: 'Where the problem is.',
            items: {
              type: 'object',
              required: ['record', 'pointer'],
              properties: {
                record: {
                  type: 'integer',
                  minimum: 0,
                  description: "The index of the record in the case's records.",
                },
                pointer: {
                  type: 'string',
                  pattern: '^(/.*)?$',
                  description:
                    "The field at fault: a JSON Pointer (RFC 6901) into the wire object, '' for the record as a whole.",
                },
              },
              additionalProperties: false,
            },
          },
          note: {
            type: 'string',
            description: 'What was done, in English (no personal ID or sensitive value).',
          },
        },
        additionalProperties: false,
      },
      case: {
        oneOf: [
          {
            type: 'object',
            description: 'Valid data: no error; the queries listed (usually none).',
            required,
            properties: {
              ...base,
              valid: { const: true },
              expect: {
                allOf: [
                  { $ref: '#/$defs/expectation' },
                  { properties: { errors: { maxItems: 0 } } },
                ],
              },
            },
            additionalProperties: false,
          },
          {
            type: 'object',
            description: 'One planted problem: exactly the rule ids listed.',
            required: [...required, 'problem'],
            properties: { ...base, valid: { const: false }, problem: { $ref: '#/$defs/problem' } },
            additionalProperties: false,
          },
        ],
      },
    },
  };
}
