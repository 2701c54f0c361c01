import { Router } from 'express';
import { responds } from '../platform/openapi/responds.ts';
import {
  ZStaffInvitation,
  ZStaffInvitationRequest,
  ZStaffMemberParams,
  ZStaffMemberUpdate,
  ZStaffMemberUpdated,
  ZStaffTeam,
  ZStaffTeamRequest,
} from '@wisp/shared';
import type { AuthDeps } from '../customer-auth/customer-login.service.ts';
import { allow } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import { listTeam, updateStaffMember } from './team.service.ts';
import { inviteStaffMember } from './staff-invite.service.ts';

/** `/api/staff/team`: the tenant's staff, for its admins. */
export function teamRouter(deps: AuthDeps): Router {
  const router = Router();
  router.get(
    '/',
    allow('team.read'),
    responds({ 200: ZStaffTeam }),
    validate('query', ZStaffTeamRequest),
    async (req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json(ZStaffTeam.parse({ members: await listTeam({ tenant: req.tenant, actor: req.actor }) }));
    },
  );
  router.patch(
    '/:uid',
    allow('team.update'),
    responds({ 200: ZStaffMemberUpdated }),
    validate('params', ZStaffMemberParams),
    validate('body', ZStaffMemberUpdate),
    async (req, res) => {
      const ctx = { tenant: req.tenant, actor: req.actor };
      res.json({ member: await updateStaffMember(deps.auth, ctx, res.locals.params.uid, res.locals.body) });
    },
  );
  router.post(
    '/invitations',
    allow('team.invite'),
    responds({ 201: ZStaffInvitation }),
    validate('body', ZStaffInvitationRequest),
    async (req, res) => {
      const invitation = await inviteStaffMember(deps, { tenant: req.tenant, actor: req.actor }, res.locals.body);
      res.status(201).json(ZStaffInvitation.parse(invitation));
    },
  );
  return router;
}
