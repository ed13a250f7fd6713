// What a synthesized stack says, names aside: every resource keyed by what it is, with each reference (in
// arguments and depends_on) replaced by the key of the resource it points to. Two apps that name their
// resources differently but wire them alike get the same signature; swapping a reference changes it.
'use strict';
const crypto = require('crypto');

function terraformSignature(config) {
  const resources = new Map();
  for (const [type, all] of Object.entries(config.resource ?? {})) {
    for (const [name, body] of Object.entries(all)) resources.set(`${type}.${name}`, body);
  }
  const keys = new Map();
  const keyOf = (address) => {
    if (!keys.has(address)) {
      keys.set(address, `<cycle ${address}>`);
      const body = resources.get(address);
      keys.set(address, body === undefined ? address : `${address.split('.')[0]}${canonical(body)}`);
    }
    return keys.get(address);
  };
  // `${type.name.attr}` and depends_on's `type.name` point at a resource; anything else (data., var.) stays.
  const rename = (text) =>
    text
      .replace(/\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)((?:\.[^}]*)?)\}/g, (whole, type, name, rest) =>
        resources.has(`${type}.${name}`) ? `\${${keyOf(`${type}.${name}`)}${rest}}` : whole,
      )
      .replace(/^([a-z0-9_]+)\.([A-Za-z0-9_-]+)$/, (whole, type, name) =>
        resources.has(`${type}.${name}`) ? keyOf(whole) : whole,
      );
  const canonical = (body) =>
    JSON.stringify(body, (key, value) => {
      if (key === '//') return undefined;
      if (typeof value === 'string') return rename(value);
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        return Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, value[k]]),
        );
      }
      return value;
    });
  const all = [...resources.keys()].map(keyOf).sort();
  return crypto.createHash('sha256').update(all.join('\n')).digest('hex');
}

module.exports = { terraformSignature };
