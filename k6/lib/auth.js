// Access tokens, as `scripts/token` gets them from the local issuer (auth-server of `make up`, port 9000):
// the OAuth2 client_credentials grant with the demo user's name as client id and the demo secret. Any valid
// user name is a demo customer there; OPERATOR (default ops) is in the operators group. One token per user
// per VU, kept until shortly before it expires (tokens live an hour).
//   AUTH_URL          the local issuer (default http://127.0.0.1:9000)
//   AUTH_DEMO_SECRET  the demo users' secret (default demo)
//   OPERATOR          the operator's user name (default ops)
// Against a deployed stack the Cognito user pool issues tokens instead (users you create): see docs/performance.md.
import http from 'k6/http';
import { fail } from 'k6';
import { envString } from './config.js';

export const AUTH_URL = envString('AUTH_URL', 'http://127.0.0.1:9000').replace(/\/+$/, '');
const SECRET = envString('AUTH_DEMO_SECRET', 'demo');
export const OPERATOR = envString('OPERATOR', 'ops');

/** @type {Record<string, {token: string, until: number}>} */
const tokens = {};

/**
 * The Authorization header of `user`'s requests.
 * @param {string} user
 * @returns {Record<string, string>}
 */
export function as(user) {
  const cached = tokens[user];
  if (cached && cached.until > Date.now()) return { Authorization: `Bearer ${cached.token}` };
  const res = http.post(`${AUTH_URL}/oauth2/token`,
    { grant_type: 'client_credentials', client_id: user, client_secret: SECRET },
    { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, tags: { name: 'POST /oauth2/token', endpoint: 'auth' } });
  if (res.status !== 200) fail(`no token for ${user} from ${AUTH_URL}: ${res.status} ${String(res.body).slice(0, 200)}`);
  const parsed = /** @type {{access_token?: string, expires_in?: number}} */ (res.json());
  const token = String(parsed.access_token);
  tokens[user] = { token, until: Date.now() + (Number(parsed.expires_in || 3600) - 60) * 1000 };
  return { Authorization: `Bearer ${token}` };
}

/** The operator's header: product writes, and the list-everything reads. */
export function asOperator() {
  return as(OPERATOR);
}

/** The owner of an order's Location (/order/<user>/<id>). @param {string} location */
export function ownerOf(location) {
  return decodeURIComponent(location.split('/')[2] || '');
}
