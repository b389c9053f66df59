import type { ServiceContext } from "../services/context";

/** What every procedure receives: the service context plus what only the transport knows. */
export interface Context extends ServiceContext {
  requestId: string;
}
