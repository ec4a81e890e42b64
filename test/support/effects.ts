// Reading a controller's effects in tests: the API requests it made, and a one-line summary of
// each to compare a sync's plan in order.

import type { Command } from '../../core/commands.ts';
import type { Effect } from '../../core/controller.ts';
import type { KubeObject } from '../../core/objects.ts';

/** The requests among the effects, in the order the controller made them. */
export function commandsOf(effects: readonly Effect[]): Command[] {
  return effects.flatMap((effect) => (effect.kind === 'submit' ? [effect.command] : []));
}

/** "type Kind/name" for each request, to read a sync's calls in order. */
export function describeCommands(effects: readonly Effect[]): string[] {
  return commandsOf(effects).map((command) => {
    switch (command.type) {
      case 'create': {
        const { kind, metadata } = command.manifest as KubeObject;
        return `create ${kind}/${metadata.name ?? metadata.generateName ?? ''}`;
      }
      case 'update':
        return `update ${command.object.kind}/${command.object.metadata.name}`;
      case 'recordEvent':
        return `recordEvent ${command.event.reason}`;
      case 'patch':
      case 'updateStatus':
      case 'delete':
      case 'adopt':
      case 'release':
        return `${command.type} ${command.kind}/${command.name}`;
      default:
        return command.type;
    }
  });
}
