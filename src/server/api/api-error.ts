import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_STATUS, MatchdayError, systemErrorOf, type ErrorCode } from '../../errors.js';
import { checkTwoTeams } from '../../history/team-lookup.js';
import type { TeamCandidate } from '../../identity/team-directory.js';
import type { ServerContext } from '../server-context.js';

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** The query or path parameter at fault. */
    parameter?: string;
    /** For an unknown or ambiguous team: the names it might have meant, best first. */
    closest?: { id: number; name: string; country: string | null }[];
  };
}

/** An error a route raises on purpose: its HTTP status is its code's (errors.ts). */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Omit<ErrorBody['error'], 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = ERROR_STATUS[code];
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}

/**
 * A thrown error as an HTTP status and body. A failure of the machine (a locked database) is named as the CLI names
 * it; anything that is not a MatchdayError, an ApiError or such a failure is a bug (500).
 */
export function errorResponseOf(error: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  if (error instanceof ApiError) return { status: error.status, body: error.body() };
  const known = systemErrorOf(error);
  if (known) {
    const parameter = known.location.field;
    return {
      status: ERROR_STATUS[known.code],
      body: { error: { code: known.code, message: known.message, ...(parameter ? { parameter } : {}) } },
    };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } } };
}

export function jsonError(c: Context, error: unknown): Response {
  const { status, body } = errorResponseOf(error);
  if (status === 500) console.error(error);
  return c.json(body, status);
}

/** The two teams of a fixture or a tie (`home`, `away`): each found as teamParameter finds it, and not the same. */
export function teamPairParameters(
  server: ServerContext,
  home: string,
  away: string,
): { home: TeamCandidate; away: TeamCandidate } {
  const pair = { home: teamParameter(server, home, 'home'), away: teamParameter(server, away, 'away') };
  checkTwoTeams(pair.home, pair.away, 'away');
  return pair;
}

/**
 * The team a request parameter names; an unknown or ambiguous name becomes a 404 naming the parameter and
 * listing the closest teams.
 */
export function teamParameter(server: ServerContext, query: string, parameter: string): TeamCandidate {
  try {
    return server.findTeam(query);
  } catch (error) {
    if (!(error instanceof MatchdayError) || (error.code !== 'UNKNOWN_TEAM' && error.code !== 'AMBIGUOUS_TEAM')) {
      throw error;
    }
    // findTeam's message already lists the partial matches; nearest spellings are added when there are none.
    const partial = server.searchTeams(query, 5).map((c) => ({ id: c.teamId, name: c.name, country: c.country }));
    const closest = partial.length > 0 ? partial : server.nearestSpellings(query, 5);
    const added =
      partial.length === 0 && closest.length > 0 ? `; closest: ${closest.map((t) => t.name).join(', ')}` : '';
    throw new ApiError(error.code, `${parameter}: ${error.message}${added}`, { parameter, closest });
  }
}
