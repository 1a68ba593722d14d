// The web worker that finds a document's figures, lexicon hits and NLP entity proposals, off the UI thread.

import { ProposalEngine, type ProposalsRequest } from './proposals-protocol';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ProposalsRequest>) => void) | null; postMessage(message: unknown, transfer?: Transferable[]): void };
const engine = new ProposalEngine((reply, transfer) => scope.postMessage(reply, transfer ?? []));

scope.onmessage = (e) => void engine.handle(e.data);
