import { Router } from 'express';
import { ZStaffMemberParams, ZStaffMemberUpdate, ZStaffTeam, ZStaffTeamRequest } from '@wisp/shared';
import type { Auth } from 'firebase-admin/auth';
import { allow } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import { listTeam, updateStaffMember } from './team.service.ts';

/** `/api/staff/team`: the tenant's staff, for its admins. */
export function teamRouter(auth: Auth): Router {
  const router = Router();
  router.get('/', allow('team.read'), validate('query', ZStaffTeamRequest), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(ZStaffTeam.parse({ members: await listTeam({ tenant: req.tenant, actor: req.actor }) }));
  });
  router.patch(
    '/:uid',
    allow('team.update'),
    validate('params', ZStaffMemberParams),
    validate('body', ZStaffMemberUpdate),
    async (req, res) => {
      const ctx = { tenant: req.tenant, actor: req.actor };
      res.json({ member: await updateStaffMember(auth, ctx, res.locals.params.uid, res.locals.body) });
    },
  );
  return router;
}
