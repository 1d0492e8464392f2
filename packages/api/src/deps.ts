import type { Db, DbTx } from '@tobacco/db/client';
import type { Clock, RetailerActor, StaffActor } from './actor';

// What every service function receives: the database (or a caller's transaction), who acts, and the time.
export type Deps<A = RetailerActor | StaffActor> = { db: Db; actor: A; clock: Clock };
export type TxDeps<A = RetailerActor | StaffActor> = { db: DbTx; actor: A; clock: Clock };
export type RetailerDeps = Deps<RetailerActor>;
export type StaffDeps = Deps<StaffActor>;
