import type { GraphQLFormattedError } from 'graphql';
import { formatEdgeError } from '@pc/platform';

/**
 * Variable coercion errors ("Variable "$input" got invalid value "X" at "input.channel"; ...") are
 * BAD_USER_INPUT already; give them the `field` that subgraph errors carry, so that every input
 * error reads the same (code, field, reason).
 */
export function formatGatewayError(error: GraphQLFormattedError): GraphQLFormattedError {
  const formatted = formatEdgeError(error);
  const code = formatted.extensions?.code;
  if (code !== 'BAD_USER_INPUT' || formatted.extensions?.field) return formatted;
  const at = /at "([^"]+)"/.exec(formatted.message)?.[1];
  const variable = /Variable "\$([^"]+)"/.exec(formatted.message)?.[1];
  // an unknown or missing input field is named in the reason, not in the path
  const named = /Field "([^"]+)" (?:is not defined by type|of required type)/.exec(formatted.message)?.[1];
  const base = at ?? variable;
  if (!base) return formatted;
  const path = named ? `${base}.${named}` : base;
  const field = path === 'input' ? path : path.replace(/^input\./, '');
  const reason = formatted.message.split('; ').slice(1).join('; ') || formatted.message;
  return { ...formatted, extensions: { ...formatted.extensions, field, reason } };
}
