import type { RequestContext, Route, SimContext } from '../context';
import { isoAt } from '../context';
import { randomId } from '../ids';
import { Match, matchError } from '../meteor-check';
import type { Reply } from '../responses';
import { failure, ok } from '../responses';
import type { Visitor } from '../store';

// POST /api/v1/livechat/visitor (app/livechat/server/api/v1/visitor.ts) and
// GET /api/v1/omnichannel/contact.search (app/livechat/server/api/v1/contact.ts).

const visitorPattern = Match.Object({
  visitor: Match.ObjectIncluding({
    token: Match.String,
    name: Match.Maybe(Match.String),
    email: Match.Maybe(Match.String),
    department: Match.Maybe(Match.String),
    phone: Match.Maybe(Match.String),
    username: Match.Maybe(Match.String),
    customFields: Match.Maybe(
      Match.Array(
        Match.ObjectIncluding({ key: Match.String, value: Match.String, overwrite: Match.Boolean }),
      ),
    ),
  }),
});

interface VisitorInput {
  token: string;
  name?: string | null;
  email?: string | null;
  department?: string | null;
  phone?: string | null;
}

function registerVisitor(sim: SimContext, req: RequestContext): Reply {
  const error = matchError(req.body, visitorPattern);
  if (error) return failure(error);
  const input = (req.body as { visitor: VisitorInput }).visitor;
  if (!input.token.trim()) {
    return failure('Token cannot be empty [error-invalid-token]', 'error-invalid-token', {
      method: 'livechat/visitor',
    });
  }
  const now = isoAt(sim.now());
  let visitor = sim.store.visitors.get(input.token);
  if (!visitor) {
    visitor = {
      _id: randomId(),
      username: sim.store.nextGuestUsername(),
      ts: now,
      _updatedAt: now,
      token: input.token,
    };
    sim.store.visitors.set(input.token, visitor);
  }
  // Upsert: only the fields sent (and truthy) are written, as registerGuest does.
  if (input.name) visitor.name = input.name;
  if (input.phone) visitor.phone = [{ phoneNumber: input.phone }];
  if (input.email) visitor.visitorEmails = [{ address: input.email.toLowerCase() }];
  if (input.department) visitor.department = input.department;
  visitor._updatedAt = now;
  return ok({ visitor: structuredClone(visitor) });
}

const contactSearchPattern = Match.Object({
  email: Match.Maybe(Match.String),
  phone: Match.Maybe(Match.String),
  custom: Match.Maybe(Match.String),
});

function searchContact(sim: SimContext, req: RequestContext): Reply {
  const error = matchError(req.query, contactSearchPattern);
  if (error) return failure(error);
  const { email, phone, custom } = req.query as { email?: string; phone?: string; custom?: string };
  // `customCF = custom && JSON.parse(custom)` then `Object.keys(customCF)`: with no criteria at all
  // the server trips over Object.keys(undefined) and reports the TypeError's message.
  let customFields: unknown = custom;
  if (custom) {
    try {
      customFields = JSON.parse(custom);
    } catch {
      return failure('[error-invalid-params-custom]', 'error-invalid-params-custom');
    }
  }
  if (!email && !phone) {
    if (customFields === undefined || customFields === null)
      return failure('Cannot convert undefined or null to object');
    if (Object.keys(customFields).length === 0)
      return failure('[error-invalid-params]', 'error-invalid-params');
  }
  // No visitor custom fields are defined on the simulated server, so `custom` never narrows.
  let contact: Visitor | undefined;
  if (phone) contact = sim.store.findVisitorByPhone(phone);
  if (email) {
    const byEmail = sim.store.findVisitorByEmail(email);
    contact = phone ? (contact && byEmail === contact ? contact : undefined) : byEmail;
  }
  return ok({ contact: contact ? structuredClone(contact) : null });
}

export const livechatRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: 'livechat/visitor',
    auth: false,
    rateLimit: 'livechat/visitor',
    voip: false,
    handler: registerVisitor,
  },
  {
    method: 'GET',
    path: 'omnichannel/contact.search',
    auth: true,
    rateLimit: 'default',
    permission: 'view-l-room',
    voip: false,
    handler: searchContact,
  },
];
