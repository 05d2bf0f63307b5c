import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { ArticleFormat } from '../engine.js';
import type { Settings } from '../runner/settings.js';
import { workerThreadsLib } from '../util/libraries.js';
import { safeJson } from './answer.js';

/** One article to check, as the API takes it. */
export interface CheckJob {
  text: string;
  format?: ArticleFormat;
  date?: string;
  filename?: string;
}

/** An answer to send: the status and the JSON body, serialised already (UTF-8 bytes from a thread). */
export interface CheckAnswer {
  status: number;
  body: string | Uint8Array;
}

/** What runs checks for the server: a pool of worker threads, or anything that answers alike. */
export interface Checker {
  run(job: CheckJob, client: string): Promise<CheckAnswer>;
  /** Whether a request body of this many bytes could be queued now (false: answer 503 before reading it). */
  accepts?(bodyBytes: number): boolean;
  stats(): { workers: number; busy: number; queued: number };
  close(): Promise<void>;
}

export interface WorkerSetup {
  settings: Settings;
}

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'answer'; id: number; status: number; body: Uint8Array; heapMb: number; log?: string };

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
  /** Checks run since the thread started. */
  checks: number;
}

/**
 * After this long without a check, threads that have run checks are replaced one by one: a
 * thread's heap grows under load and V8 keeps it, and a fresh thread (the table loads from the
 * compiled cache in milliseconds) gives that memory back.
 */
const IDLE_RECYCLE_MS = 3_000;

const busy = (message: string): CheckAnswer => ({ status: 503, body: safeJson({ error: { message } }) });

/**
 * A check of a text longer than this is a large one: large checks run on at most all threads but
 * one, so a stream of big or hostile articles (each may run up to the time budget) always leaves
 * a thread for ordinary ones, which are also taken first; and at most MAX_LARGE_WAITING per
 * thread wait (each holds its text), more are answered 503 at once.
 */
export const LARGE_JOB_CHARS = 100_000;
const MAX_LARGE_WAITING = 2;
export const LARGE_QUEUE_FULL = 'busy: too many large articles waiting to be checked, try again';
/** Shortest first, but a second of waiting takes 10,000 characters off a text's length. */
const AGING_CHARS_PER_MS = 10;
/** A thread whose heap has grown past this is replaced after its check, which gives the memory back. */
const RECYCLE_HEAP_MB = 192;

/**
 * Checks run on worker threads, never on the thread that answers connections: a hostile article
 * can hold one thread for at most `checkTimeoutMs`, after which the thread is stopped, replaced,
 * and the request answered 503. One client, and all large checks together, run on at most all
 * threads but one (LARGE_JOB_CHARS); waiting checks are taken shortest first.
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
  private lastActive = performance.now();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.settings = options.settings;
    for (let i = 0; i < this.size; i++) this.spawn();
    this.sweeper = setInterval(() => {
      this.expireWaiting();
      this.recycleIdle();
    }, 250);
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
    if (isLarge({ job } as Task) && this.largeQueueFull()) return Promise.resolve(busy(LARGE_QUEUE_FULL));
    return new Promise((done) => {
      this.queue.push({ id: this.nextId++, job, client, done, queuedAt: performance.now() });
      this.dispatch();
    });
  }

  /**
   * A body too big for an ordinary article while the large ones' queue is full would only be
   * refused after parsing: refusing it unread keeps the server's own thread free (a flood of
   * 2 MB bodies otherwise costs it seconds of decoding and parsing).
   */
  accepts(bodyBytes: number): boolean {
    return !this.closed && !(bodyBytes > LARGE_JOB_CHARS && this.largeQueueFull());
  }

  private largeQueueFull(): boolean {
    return this.queue.filter(isLarge).length >= MAX_LARGE_WAITING * this.size;
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
    const thread: Thread = { worker, ready: false, task: null, timer: null, generation: this.generation, checks: 0 };
    this.threads.add(thread);
    worker.on('message', (reply: WorkerReply) => this.onReply(thread, reply));
    worker.on('error', (error) => this.options.log(`a check thread failed: ${error.message}`));
    worker.on('exit', () => this.onExit(thread));
  }

  private onReply(thread: Thread, reply: WorkerReply): void {
    if (reply.kind === 'ready') {
      thread.ready = true;
      this.lastActive = performance.now();
      this.dispatch();
    } else if (reply.kind === 'failed') {
      this.options.log(`a check thread could not load the table: ${reply.message}`);
    } else if (thread.task && reply.id === thread.task.id) {
      if (reply.log) this.options.log(reply.log);
      this.finish(thread, { status: reply.status, body: reply.body });
      if (reply.heapMb > RECYCLE_HEAP_MB || thread.generation !== this.generation) this.retire(thread);
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

  /**
   * Hand waiting checks to idle threads, each within its share: the shortest text first (less
   * what it has waited), so that under overload short articles are checked while long ones wait
   * (up to `queueTimeoutMs`, then 503); large ones only on the threads they may use.
   */
  private dispatch(): void {
    const share = Math.max(1, this.size - 1);
    for (const thread of this.threads) {
      if (!thread.ready || thread.task || thread.generation !== this.generation) continue;
      let largeRunning = 0;
      for (const other of this.threads) if (other.task && isLarge(other.task)) largeRunning++;
      const index = this.shortestAllowed(share, largeRunning < share);
      if (index === -1) return;
      const [task] = this.queue.splice(index, 1);
      if (!task) return;
      thread.task = task;
      thread.checks++;
      this.lastActive = performance.now();
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

  private shortestAllowed(share: number, largeAllowed: boolean): number {
    let best = -1;
    let bestLength = Infinity;
    const now = performance.now();
    for (const [i, task] of this.queue.entries()) {
      // Waiting counts as shortening (AGING_CHARS_PER_MS), so a longer article is not passed over forever.
      const length = task.job.text.length - (now - task.queuedAt) * AGING_CHARS_PER_MS;
      if (length >= bestLength || (!largeAllowed && isLarge(task))) continue;
      if ((this.running.get(task.client) ?? 0) >= share) continue;
      best = i;
      bestLength = length;
    }
    return best;
  }

  /** One used thread at a time, once the pool has been idle for IDLE_RECYCLE_MS. */
  private recycleIdle(): void {
    if (this.queue.length > 0 || performance.now() - this.lastActive < IDLE_RECYCLE_MS) return;
    const threads = [...this.threads];
    if (threads.some((t) => t.task || !t.ready)) return;
    const used = threads.find((t) => t.checks > 0);
    if (used) this.retire(used);
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

function isLarge(task: Task): boolean {
  return task.job.text.length > LARGE_JOB_CHARS;
}
