import { expect } from 'chai';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../bot/api/openapi.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Checks HTTP answers against the service's OpenAPI description with an independent JSON Schema validator (Ajv, draft
 * 2020-12, the dialect of OpenAPI 3.1): the path and method must be described, the status must be one of the
 * operation's responses, and a JSON body must match that response's schema.
 */
export class OpenApiChecker {
  readonly document: Json;
  private readonly ajv: Ajv2020;
  private readonly routes: { pattern: RegExp; template: string }[];
  /** How many answers were checked, by "METHOD template status". */
  readonly checked = new Map<string, number>();

  constructor(document: Json = openApiDocument()) {
    this.document = document;
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', components: document.components }, 'openapi');
    this.routes = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  /** Checks one answer; `url` is the request's (only its path counts). */
  check(method: string, url: string, status: number, contentType: string | null, body: string): void {
    const path = new URL(url, 'http://x').pathname;
    const route = this.routes.find((r) => r.pattern.test(path));
    const label = `${method} ${path} -> ${status}`;
    expect(route, `${label}: the path is in the OpenAPI description`).to.not.equal(undefined);
    const operation = this.document.paths[route!.template][method.toLowerCase()];
    expect(operation, `${label}: the method is described`).to.not.equal(undefined);
    const response = operation.responses[String(status)];
    expect(
      response,
      `${label}: the status is one of the described responses (${Object.keys(operation.responses).join(', ')})`,
    ).to.not.equal(undefined);
    const key = `${method.toUpperCase()} ${route!.template} ${status}`;
    this.checked.set(key, (this.checked.get(key) ?? 0) + 1);
    if (!contentType?.startsWith('application/json')) return;
    const schema = response.content?.['application/json']?.schema;
    expect(schema, `${label}: a JSON answer has a described schema`).to.not.equal(undefined);
    const validate = this.validator(schema);
    const data = JSON.parse(body) as unknown;
    expect(validate(data), `${label}: ${this.ajv.errorsText(validate.errors)}\n${body.slice(0, 500)}`).to.equal(true);
  }

  private readonly validators = new Map<unknown, ReturnType<Ajv2020['compile']>>();

  /** A compiled validator for a response schema: a reference into the components, or a schema of its own. */
  private validator(schema: Json) {
    let validate = this.validators.get(schema);
    if (!validate) {
      validate = this.ajv.compile(typeof schema.$ref === 'string' ? { $ref: `openapi${schema.$ref}` } : schema);
      this.validators.set(schema, validate);
    }
    return validate;
  }

  /** `fetch`, with every answer checked against the description (the returned answer can still be read). */
  fetch(): typeof fetch {
    return async (input, init) => {
      const res = await fetch(input, init);
      const body = await res.clone().text();
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      this.check(
        init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET'),
        url,
        res.status,
        res.headers.get('content-type'),
        body,
      );
      return res;
    };
  }
}
