/** The lines npm printed as warnings. */
export function installWarnings(output: string): string[];
