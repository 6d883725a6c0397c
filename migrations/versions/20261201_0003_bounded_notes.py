"""Client notes bounded at the column: VARCHAR(10000), the form's own limit, instead of TEXT.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 11:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.alter_column('notes', existing_type=sa.Text(), type_=sa.String(length=10000), existing_nullable=False)


def downgrade():
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.alter_column('notes', existing_type=sa.String(length=10000), type_=sa.Text(), existing_nullable=False)
