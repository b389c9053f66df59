export function strictTransportSecurity(publicUrl: string | undefined): string | null;
