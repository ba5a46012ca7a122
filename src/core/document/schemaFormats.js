// The string formats the schemas of `schemas/` use, for the validators that
// scripts/schemaValidators.cjs compiles (the generated `schemaValidators.js` requires this module
// for them): `date` and `uri` as ajv-formats checks them, and `email`, which also accepts
// international addresses (RFC 6531, JSON Schema's `idn-email`), a loosening of ajv-formats'
// ASCII-only check: `info@bäckerei-müller.de` passes like its punycode form. The public schema keeps
// `format: email`, so tools that check it themselves are unchanged. Plain CommonJS, so that the
// generator (plain Node) and the bundles share one implementation.
'use strict';
const { fullFormats } = require('ajv-formats/dist/formats');

/** Characters a domain may not contain before it is converted (they would change what `URL` parses). */
const NOT_IN_DOMAIN = /[\s/?#:@\\%[\]<>^|"'`{}]/u;
/** The local part: dot-separated atoms of RFC 5322 `atext`, extended by RFC 6531 with letters, marks and digits of any script. */
const LOCAL_PART = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;

/**
 * The `email` format of the schemas, checked as JSON Schema's `idn-email` (RFC 6531): an e-mail
 * address whose local part and domain may hold letters of any script, `jürgen@bäckerei-müller.de`.
 * Every address ajv-formats' `email` accepts is accepted. Otherwise the local part must be a dot-atom of letters, digits and RFC 5322's symbols,
 * the domain's labels must not be empty or start or end with a hyphen,
 * and the domain, converted to ASCII by the WHATWG URL parser (IDNA/UTS 46, as browsers do:
 * `bäckerei-müller.de` → `xn--bckerei-mller-bfb28a.de`), must pass as the domain of an `email`
 * address. Never throws.
 */
function idnEmail(address) {
  if (typeof address !== 'string') return false;
  if (fullFormats.email.test(address)) return true;
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (at <= 0 || !domain || !LOCAL_PART.test(local) || NOT_IN_DOMAIN.test(domain)) return false;
  // The URL parser lets a label start or end with a hyphen before conversion (`-bäckerei`); IDNA does not.
  if (domain.split(/[.\u3002\uFF0E\uFF61]/u).some((label) => !label || label.startsWith('-') || label.endsWith('-'))) return false;
  let ascii;
  try {
    ascii = new URL(`http://${domain}`).hostname;
  } catch {
    return false;
  }
  return fullFormats.email.test(`x@${ascii}`);
}

module.exports = { date: fullFormats.date, email: idnEmail, uri: fullFormats.uri };
