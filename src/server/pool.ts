import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Settings } from '../runner/settings.js';
import { workerThreadsLib } from '../util/libraries.js';
import { safeJson } from './answer.js';

/** One article to check, as the API takes it. */
export interface CheckJob {
  text: string;
  format?: 'markdown' | 'text';
  date?: string;
  filename?: string;
}

/** An answer to send: the status and the JSON body, serialised already. */
export interface CheckAnswer {
  status: number;
  body: string;
}

/** What runs checks for the server: a pool of worker threads, or anything that answers alike. */
export interface Checker {
  run(job: CheckJob, client: string): Promise<CheckAnswer>;
  stats(): { workers: number; busy: number; queued: number };
  close(): Promise<void>;
}

export interface WorkerSetup {
  settings: Settings;
}

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'answer'; id: number; status: number; body: string; log?: string };

export interface PoolOptions {
  /** The worker script (dist/server-worker.js). */
  script: URL | string;
  settings: Settings;
  /** Threads; default: one per core. */
  size?: number;
  /** How long one check may run; past it, the thread is stopped and replaced, and the answer is 503. */
  checkTimeoutMs: number;
  /** How long a check may wait for a thread; past it, 503. */
  queueTimeoutMs: number;
  /** Heap of each thread; a check that needs more ends its thread (503) instead of the process. */
  maxHeapMb?: number;
  log: (line: string) => void;
}

interface Task {
  id: number;
  job: CheckJob;
  client: string;
  done: (answer: CheckAnswer) => void;
  queuedAt: number;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  generation: number;
}

const busy = (message: string): CheckAnswer => ({ status: 503, body: safeJson({ error: { message } }) });

/**
 * Checks run on worker threads, never on the thread that answers connections: a hostile article
 * can hold one thread for at most `checkTimeoutMs`, after which the thread is stopped, replaced,
 * and the request answered 503. One client runs on at most all threads but one, so one client's
 * hostile requests leave a thread for the others; waiting checks are taken oldest first.
 */
export class CheckPool implements Checker {
  private readonly threads = new Set<Thread>();
  private readonly queue: Task[] = [];
  private readonly running = new Map<string, number>();
  private readonly size: number;
  private settings: Settings;
  private generation = 0;
  private nextId = 0;
  private closed = false;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.settings = options.settings;
    for (let i = 0; i < this.size; i++) this.spawn();
    this.sweeper = setInterval(() => this.expireWaiting(), 250);
    this.sweeper.unref();
  }

  /** Resolves once every thread has loaded the table (or rejects with the first failure). */
  ready(): Promise<void> {
    const pending = [...this.threads].filter((t) => !t.ready);
    return Promise.all(
      pending.map(
        (thread) =>
          new Promise<void>((done, fail) => {
            thread.worker.on('message', (reply: WorkerReply) => {
              if (reply.kind === 'ready') done();
              else if (reply.kind === 'failed') fail(new Error(reply.message));
            });
            thread.worker.once('exit', () => fail(new Error('a check thread stopped while loading the table')));
          }),
      ),
    ).then(() => undefined);
  }

  run(job: CheckJob, client: string): Promise<CheckAnswer> {
    if (this.closed) return Promise.resolve(busy('the server is stopping'));
    return new Promise((done) => {
      this.queue.push({ id: this.nextId++, job, client, done, queuedAt: performance.now() });
      this.dispatch();
    });
  }

  /** New settings (a reloaded table): threads are replaced, idle ones now, busy ones when their check ends. */
  reload(settings: Settings): void {
    this.settings = settings;
    this.generation++;
    for (const thread of this.threads) if (!thread.task) this.retire(thread);
  }

  stats(): { workers: number; busy: number; queued: number } {
    let working = 0;
    for (const thread of this.threads) if (thread.task) working++;
    return { workers: this.threads.size, busy: working, queued: this.queue.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    for (const task of this.queue.splice(0)) task.done(busy('the server is stopping'));
    await Promise.all([...this.threads].map((t) => t.worker.terminate()));
    this.threads.clear();
  }

  private spawn(): void {
    if (this.closed) return;
    const worker = new (workerThreadsLib().Worker)(this.options.script, {
      workerData: { settings: this.settings } satisfies WorkerSetup,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 1024 },
    });
    const thread: Thread = { worker, ready: false, task: null, timer: null, generation: this.generation };
    this.threads.add(thread);
    worker.on('message', (reply: WorkerReply) => this.onReply(thread, reply));
    worker.on('error', (error) => this.options.log(`a check thread failed: ${error.message}`));
    worker.on('exit', () => this.onExit(thread));
  }

  private onReply(thread: Thread, reply: WorkerReply): void {
    if (reply.kind === 'ready') {
      thread.ready = true;
      this.dispatch();
    } else if (reply.kind === 'failed') {
      this.options.log(`a check thread could not load the table: ${reply.message}`);
    } else if (thread.task && reply.id === thread.task.id) {
      if (reply.log) this.options.log(reply.log);
      this.finish(thread, { status: reply.status, body: reply.body });
      if (thread.generation !== this.generation) this.retire(thread);
      this.dispatch();
    }
  }

  private onExit(thread: Thread): void {
    this.threads.delete(thread);
    if (thread.timer) clearTimeout(thread.timer);
    if (thread.task) {
      this.options.log('a check thread stopped during a check (out of memory?); it is replaced');
      this.finish(
        thread,
        busy('the check could not be completed (it needed too much memory); the text was not checked'),
      );
    }
    if (!this.closed && this.threads.size < this.size) this.spawn();
  }

  private finish(thread: Thread, answer: CheckAnswer): void {
    const task = thread.task;
    if (!task) return;
    thread.task = null;
    if (thread.timer) clearTimeout(thread.timer);
    thread.timer = null;
    const left = (this.running.get(task.client) ?? 1) - 1;
    if (left > 0) this.running.set(task.client, left);
    else this.running.delete(task.client);
    task.done(answer);
  }

  /** Stop a thread for good (a timeout, or settings it does not have); its exit starts a fresh one. */
  private retire(thread: Thread): void {
    thread.ready = false;
    void thread.worker.terminate();
  }

  /** Hand waiting checks to idle threads: oldest first, skipping clients already at their share. */
  private dispatch(): void {
    const perClient = Math.max(1, this.size - 1);
    for (const thread of this.threads) {
      if (!thread.ready || thread.task || thread.generation !== this.generation) continue;
      const index = this.queue.findIndex((t) => (this.running.get(t.client) ?? 0) < perClient);
      if (index === -1) return;
      const [task] = this.queue.splice(index, 1);
      if (!task) return;
      thread.task = task;
      this.running.set(task.client, (this.running.get(task.client) ?? 0) + 1);
      thread.timer = setTimeout(() => this.timeOut(thread), this.options.checkTimeoutMs);
      thread.worker.postMessage({ id: task.id, job: task.job });
    }
  }

  private timeOut(thread: Thread): void {
    const seconds = this.options.checkTimeoutMs / 1000;
    this.options.log(`a check ran past the ${seconds} s limit; its thread is replaced`);
    this.finish(thread, busy(`the check took longer than the ${seconds} s limit; the text was not checked`));
    this.retire(thread);
  }

  private expireWaiting(): void {
    const now = performance.now();
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const task = this.queue[i];
      if (!task || now - task.queuedAt < this.options.queueTimeoutMs) continue;
      this.queue.splice(i, 1);
      task.done(busy('busy: every check thread is taken, try again'));
    }
  }
}
