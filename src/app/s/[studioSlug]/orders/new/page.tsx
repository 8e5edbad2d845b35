import { NewOrderForm } from "~/features/orders/components/new-order-form";

export const metadata = { title: "New order" };

export default function NewOrderPage() {
  return <NewOrderForm />;
}
