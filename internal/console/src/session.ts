// The session store: the console's only state that outlives a page. It keeps the
// access token in memory and the refresh token in sessionStorage (this tab only), so a
// reload refreshes instead of asking to sign in again.
import { graphql } from './gql';
import { onExpired, request, type Credentials } from './api';

const Login = graphql(`
  mutation ConsoleLogin($input: LoginInput!) {
    login(input: $input) { token refreshToken expiresAt user { id email } }
  }
`);

const Signup = graphql(`
  mutation ConsoleSignup($input: SignupInput!) {
    signup(input: $input) { token refreshToken expiresAt user { id email } }
  }
`);

const Refresh = graphql(`
  mutation ConsoleRefresh($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { token refreshToken expiresAt user { id email } }
  }
`);

const Logout = graphql(`
  mutation ConsoleLogout {
    logout
  }
`);

export interface Session extends Credentials {
  email: string;
  userId: string;
}

const refreshKey = 'northstar.refresh';
let current: Session | null = null;

function keep(p: { token: string; refreshToken?: string | null; user: { id: string; email: string } }): Session {
  if (p.refreshToken) sessionStorage.setItem(refreshKey, p.refreshToken);
  if (current && current.userId === p.user.id) {
    current.token = p.token; // the same object every page holds
  } else {
    current = { token: p.token, email: p.user.email, userId: p.user.id };
  }
  return current;
}

let renewing: Promise<boolean> | null = null;

// An expired access token is renewed with the refresh token, once for all the requests
// that find it expired at the same time: refresh tokens rotate, and sending one twice
// would end the session.
onExpired(() => {
  renewing ??= resume().then((s) => s !== null).finally(() => {
    renewing = null;
  });
  return renewing;
});

/** The signed-in session, if any. */
export function session(): Session | null {
  return current;
}

/** Signs in with an email and password. */
export async function signIn(email: string, password: string): Promise<Session> {
  const out = await request(Login, { input: { email, password } });
  return keep(out.login);
}

/** Signs up: a new account with a tenant of its own, signed in. */
export async function signUp(email: string, password: string, tenantName: string): Promise<Session> {
  const out = await request(Signup, { input: { email, password, tenantName } });
  return keep(out.signup);
}

/** Resumes the tab's session with its refresh token, if it has one that still works. */
export async function resume(): Promise<Session | null> {
  const refreshToken = sessionStorage.getItem(refreshKey);
  if (!refreshToken) return null;
  try {
    const out = await request(Refresh, { refreshToken });
    return keep(out.refreshSession);
  } catch {
    sessionStorage.removeItem(refreshKey);
    return null;
  }
}

/** Ends the session on the server and here. */
export async function signOut(): Promise<void> {
  const s = current;
  current = null;
  sessionStorage.removeItem(refreshKey);
  if (s) await request(Logout, {}, { session: s }).catch(() => undefined);
}
