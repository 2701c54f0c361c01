import { parseConfig } from '../config.ts';
import { connectDatabase, disconnectDatabase } from '../platform/db/mongo.ts';
import { firebaseAuth } from '../platform/auth/firebase.ts';
import { seedDemo } from './seed.ts';

/** `pnpm --filter @wisp/backend-services seed`: (re)seeds the demo and prints the summary as JSON. */
const config = parseConfig(process.env);
await connectDatabase(config.MONGODB_URI);
try {
  const summary = await seedDemo(firebaseAuth(config.FIREBASE_PROJECT_ID));
  console.log(JSON.stringify(summary));
} finally {
  await disconnectDatabase();
}
