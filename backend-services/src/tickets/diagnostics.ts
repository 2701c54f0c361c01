import type { TCustomerDoc } from '../customers/customer.model.ts';
import type { TTicketDoc } from './ticket.model.ts';
import { signalQualityOf } from '../customers/signal-quality.ts';

/** The customer's CPE facts at the moment the ticket is opened; staff see them as they were then. */
export function diagnosticsSnapshot(customer: TCustomerDoc, now: Date) {
  const cpe = customer.equipment?.find((e) => e.type === 'cpe');
  const net = customer.networkInfo;
  return {
    cpe: cpe
      ? {
          make: cpe.make ?? undefined,
          model: cpe.model ?? undefined,
          serialNumber: cpe.serialNumber ?? undefined,
          macAddress: cpe.macAddress ?? undefined,
          firmware: cpe.firmware ?? undefined,
        }
      : undefined,
    signalStrength: net?.signalStrength ?? undefined,
    lastOnline: net?.lastOnline ?? undefined,
    ipAddress: net?.ipAddress ?? undefined,
    capturedAt: now,
  };
}

/** What a customer may see: no serial, MAC, IP or raw numbers. */
export function customerDiagnosticsSummary(diagnostics: TTicketDoc['diagnostics']) {
  if (!diagnostics) return null;
  return {
    equipmentLastOnlineAt: diagnostics.lastOnline ? diagnostics.lastOnline.toISOString() : null,
    signalQuality: signalQualityOf(diagnostics.signalStrength) ?? ('unknown' as const),
  };
}
