import { z } from 'zod';

export const ZObjectId = z.string().regex(/^[a-f0-9]{24}$/i, 'Must be a valid id');
