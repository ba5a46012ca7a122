/**
 * Registers the extension's commands. Each command reads its arguments with a parser (what VS Code
 * passes differs by where the command runs: nothing from the palette, a tree node from a view's
 * context menu, a `Uri` from the editor title, an options object from tests and other extensions),
 * and a failure of any command is reported here, the same way for all: logged with the error to
 * the "MSP Docs" log, and shown as one error message in the UI language. The command then resolves
 * to its failure result (default `undefined`) instead of rejecting, so VS Code adds no second message.
 */
import * as vscode from 'vscode';
import type { CommandId } from './commands';

/** What a failed command knows about its failure. */
export interface CommandFailure {
  /** The error's own message (`Error.message`, or the thrown value as text). */
  readonly reason: string;
  /** The message shown to the user. */
  readonly message: string;
}

/** One command: how it reads its arguments, what it does, and how it reports a failure. */
export interface Command<A, R> {
  /** Turns the raw arguments into what `run` takes; see the parsers below. May throw (a failure). */
  readonly parse: (args: readonly unknown[]) => A;
  /** Does the work; its result is what `executeCommand` resolves to. */
  readonly run: (arg: NoInfer<A>) => R | Thenable<R>;
  /**
   * The error message (UI language, `vscode.l10n.t`) when `parse` or `run` throws; `arg` is
   * `undefined` when `parse` threw. Default (also when it returns `undefined`): "The command could
   * not be completed: <reason>".
   */
  readonly failureMessage?: (reason: string, arg: NoInfer<A> | undefined) => string | undefined;
  /** What the command resolves to after a failure; default `undefined`. */
  readonly failureResult?: (failure: CommandFailure) => R;
}

/** Registers commands that log and show their failures through one `LogOutputChannel`. */
export class CommandManager {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Registers `command` under `id`; dispose the result to unregister it. */
  register<A, R>(id: CommandId, command: Command<A, R>): vscode.Disposable {
    return vscode.commands.registerCommand(id, async (...args: unknown[]): Promise<R | undefined> => {
      let arg: A | undefined;
      try {
        arg = command.parse(args);
        return await command.run(arg);
      } catch (error) {
        return this.fail(id, command, arg, error);
      }
    });
  }

  private fail<A, R>(id: CommandId, command: Command<A, R>, arg: A | undefined, error: unknown): R | undefined {
    const reason = error instanceof Error ? error.message : String(error);
    const message = command.failureMessage?.(reason, arg) ?? vscode.l10n.t('The command could not be completed: {0}', reason);
    this.log.error(`${id} failed:`, error);
    void vscode.window.showErrorMessage(message);
    return command.failureResult?.({ reason, message });
  }
}

/** A parser for commands that take no argument: ignores whatever VS Code passes. */
export function noArgument(): undefined {
  return undefined;
}

/** A parser that keeps the first argument when `guard` accepts it, else `undefined`. */
export function firstArgument<T>(guard: (value: unknown) => value is T): (args: readonly unknown[]) => T | undefined {
  return (args) => (guard(args[0]) ? args[0] : undefined);
}

/** A parser that passes the first argument on as it is, for commands that check it themselves. */
export function anyArgument(args: readonly unknown[]): unknown {
  return args[0];
}

/** A node of one of the extension's tree views: an object with a string `type`. */
export function isTreeNode(value: unknown): value is { readonly type: string } {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** An options object: a plain object that is neither a `Uri`, an array, nor a tree node. */
function isOptions(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && !Array.isArray(value) && !isTreeNode(value);
}

/**
 * The options object among the arguments (the last one; the editor title and view menus pass
 * their own context before it), else `{}`. Its fields are not checked here: the command checks
 * each one it reads.
 */
export function optionsArgument<O extends object>(args: readonly unknown[]): Partial<O> {
  for (let i = args.length - 1; i >= 0; i--) if (isOptions(args[i])) return args[i] as Partial<O>;
  return {};
}

/** The argument of a command about one project: which project, and the command's options. */
export interface ProjectArgument<O> {
  /**
   * What names the project: `options.project` (a `Uri` or URI string) when given, else the first
   * argument (a tree node, a document `Uri` from the editor title, a URI string, or nothing).
   * Resolve it with `chooseProject` (`src/extension/projects/projectTarget.ts`).
   */
  readonly target: unknown;
  readonly options: Partial<O>;
}

/** Parser for commands about one project that take options `{ project, ... }`. */
export function projectArgument<O extends { project?: string | vscode.Uri }>(args: readonly unknown[]): ProjectArgument<O> {
  const options = optionsArgument<O>(args);
  const project = options.project;
  return { target: typeof project === 'string' || project instanceof vscode.Uri ? project : args[0], options };
}
