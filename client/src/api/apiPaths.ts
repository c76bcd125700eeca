/** Who is signed in: asked for by `AuthProvider`, and at boot for a deep link (main.tsx). */
export const SESSION_PATH = '/api/session';
