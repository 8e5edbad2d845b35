import { OrderImport } from "~/features/orders/components/order-import";

export const metadata = { title: "Import orders" };

export default function ImportOrdersPage() {
  return <OrderImport />;
}
