// Finds object literals that start with a spread and then add a key the spread's type may lack
// (`{ ...status, hostIP }` where hostIP is optional or absent in the status type). On Node 20 each
// object such a literal builds gets a hidden class of its own (see core/with-fields.ts), so the
// simulation layers build them with withFields instead. The type checker decides "may lack": a
// key the spread's type has as required is an override, which V8 handles well.

import ts from 'typescript';
import { join, resolve } from 'node:path';
import { ROOT } from './source-files.ts';

function keyName(property: ts.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  return name !== undefined && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
}

function addsKeys(node: ts.ObjectLiteralExpression, checker: ts.TypeChecker): boolean {
  const [first, ...rest] = node.properties;
  if (first === undefined || !ts.isSpreadAssignment(first)) return false;
  const spread = checker.getApparentType(checker.getTypeAtLocation(first.expression));
  return rest.some((property) => {
    if (ts.isSpreadAssignment(property)) return true;
    const name = keyName(property);
    const known = name === undefined ? undefined : spread.getProperty(name);
    return known === undefined || (known.flags & ts.SymbolFlags.Optional) !== 0;
  });
}

/** "file:line" of each such literal in the given files (paths relative to the project root, or absolute). */
export function spreadThenAddSites(files: readonly string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (config === undefined) throw new Error('tsconfig.json could not be read');
  const program = ts.createProgram(files.map((file) => resolve(ROOT, file)), config.options);
  const checker = program.getTypeChecker();
  const sites: string[] = [];
  for (const file of files) {
    const source = program.getSourceFile(resolve(ROOT, file));
    if (source === undefined) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node) && addsKeys(node, checker)) {
        sites.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}
