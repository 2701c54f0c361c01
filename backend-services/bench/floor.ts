import express from 'express';
import mongoose from 'mongoose';
import { OPEN_TICKET_STATUSES } from '@wisp/shared/constants';
import { TicketModel } from '../src/tickets/ticket.model.ts';

/**
 * The floor: a bare Express + mongoose process doing each endpoint's main query against the same
 * database, with no session, access check, view or middleware. What the app serves beyond this is
 * its overhead. The tenant and customer are fixed by the benchmark (FLOOR_TENANT_ID, FLOOR_CUSTOMER_ID).
 */
const tenantId = new mongoose.Types.ObjectId(process.env.FLOOR_TENANT_ID);
const customerId = process.env.FLOOR_CUSTOMER_ID!;
let seq = 0;

const app = express();
app.use(express.json());

app.get('/list', async (_req, res) => {
  const items = await TicketModel.find({ tenantId, customerId }).sort({ lastActivityAt: -1, _id: -1 }).limit(20).lean();
  res.json({ items });
});

app.get('/detail/:id', async (req, res) => {
  const ticket = await TicketModel.findById(req.params.id).lean();
  res.json({ ticket });
});

app.get('/queue', async (_req, res) => {
  const items = await TicketModel.find({ tenantId, status: { $in: [...OPEN_TICKET_STATUSES] } })
    .sort({ lastActivityAt: -1, _id: -1 })
    .limit(50)
    .lean();
  res.json({ items });
});

app.post('/create', async (req, res) => {
  const now = new Date();
  const n = ++seq;
  const body = req.body as { title: string; description: string; category: string; priority: string };
  const ticket = await TicketModel.create({
    tenantId,
    ticketNumber: `FLOOR-${process.pid}-${n}`,
    ticketYear: 1900,
    ticketSeq: process.pid * 100_000 + n,
    customerId,
    title: body.title,
    description: body.description,
    category: body.category,
    priority: body.priority,
    source: 'portal',
    lastActivityAt: now,
    lastCustomerMessageAt: now,
  });
  res.status(201).json({ ticket: ticket.toObject() });
});

await mongoose.connect(process.env.MONGODB_URI!);
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('floor ready'));
process.on('SIGTERM', () => {
  server.close();
  void mongoose.disconnect().finally(() => process.exit(0));
});
